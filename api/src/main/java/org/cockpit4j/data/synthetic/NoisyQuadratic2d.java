package org.cockpit4j.data.synthetic;

/**
 * The 2-D noisy quadratic of the LINE experiment (the step-length illustration of Cockpit's α):
 * {@code ℓ(θ; x) = ½ (θ − x)ᵀ H (θ − x)} with {@code H = diag(1, 10)} (our choice: an anisotropic
 * bowl whose two curvatures differ by 10×, so a step can undershoot along one axis and overshoot
 * along the other) and noise {@code x ~ N(0, I)}.
 *
 * <p>Used as a {@link NoisyQuadratic}: the model is θ ∈ R² itself, a batch of noise vectors gives
 * the mini-batch loss and per-sample gradients {@code H(θ − x_n)}; SGD steps along {@code −lr·ḡ}
 * with small, well-chosen and large learning rates give α below, near and above 0 (under- and
 * over-shooting the minimum along the step direction).
 */
public final class NoisyQuadratic2d {
  /** The default Hessian, row-major. */
  public static final double[] DEFAULT_HESSIAN = {1.0, 0.0, 0.0, 10.0};

  /** Default number of noise samples. */
  public static final int DEFAULT_SAMPLES = 1000;

  /** Default standard deviation of the noise. */
  public static final double DEFAULT_NOISE_STD = 1.0;

  private NoisyQuadratic2d() {}

  /** The problem with the default Hessian, noise and sample count. */
  public static NoisyQuadratic create(long seed) {
    return new NoisyQuadratic(DEFAULT_HESSIAN, 2, DEFAULT_NOISE_STD, DEFAULT_SAMPLES, seed);
  }

  /** The problem with a custom 2×2 Hessian (row-major, symmetric). */
  public static NoisyQuadratic create(double[] hessian, double noiseStd, int samples, long seed) {
    return new NoisyQuadratic(hessian, 2, noiseStd, samples, seed);
  }
}
