package org.cockpit4j.data.synthetic;

import org.cockpit4j.backend.CounterRandom;

/**
 * DeepOBS' {@code quadratic_deep} test problem, rebuilt with our seeded random streams: a 100-dim
 * {@link NoisyQuadratic} whose Hessian has a "deep-learning-like" spectrum — many small and a few
 * large eigenvalues.
 *
 * <p><b>Construction</b> (DeepOBS draws the same way with NumPy's {@code RandomState(42)}; our
 * numbers differ because the streams differ):
 *
 * <ol>
 *   <li>eigenvalues: 90 drawn uniformly from [0, 1) and 10 drawn uniformly from [30, 60), {@code
 *       λ_k = CounterRandom.uniform(mix(seed, 2), k)} mapped to its interval;
 *   <li>a Haar-random orthogonal Q (QR of a Gaussian 100×100 matrix from stream {@code mix(seed,
 *       3)}, see {@link RandomRotation}); DeepOBS draws a rotation from SO(D), but the sign of a
 *       column of Q does not change H, so O(D) and SO(D) give the same distribution of H;
 *   <li>{@code H = Q diag(λ) Qᵀ} (DeepOBS writes {@code Rᵀ D R} with {@code R = Qᵀ});
 *   <li>noise: {@value #TRAIN_SIZE} samples {@code x ~ N(0, 0.6² I)} (DeepOBS' {@code quadratic}
 *       data set: {@code train_size=1000}, {@code noise_level=0.6}), stream {@code mix(seed, 1)}.
 * </ol>
 *
 * DeepOBS starts training at θ = (1, ..., 1), see {@link #initialTheta()}.
 */
public final class QuadraticDeep {
  /** Number of parameters D. */
  public static final int DIMENSION = 100;

  /** Number of noise samples. */
  public static final int TRAIN_SIZE = 1000;

  /** Standard deviation of every noise component. */
  public static final double NOISE_STD = 0.6;

  /** Count of eigenvalues drawn from [0, 1); the remaining ones come from [30, 60). */
  public static final int SMALL_EIGENVALUES = 90;

  private static final long EIGENVALUE_STREAM = 2;
  private static final long ROTATION_STREAM = 3;

  private QuadraticDeep() {}

  /** The problem with {@value #TRAIN_SIZE} samples. */
  public static NoisyQuadratic create(long seed) {
    return create(TRAIN_SIZE, seed);
  }

  /** The problem with {@code samples} noise samples (same Hessian for the same seed). */
  public static NoisyQuadratic create(int samples, long seed) {
    return new NoisyQuadratic(hessian(seed), DIMENSION, NOISE_STD, samples, seed);
  }

  /** The eigenvalues of the Hessian, in draw order (90 small ones first). */
  public static double[] eigenvalues(long seed) {
    long stream = CounterRandom.mix(seed, EIGENVALUE_STREAM);
    double[] eigenvalues = new double[DIMENSION];
    for (int k = 0; k < DIMENSION; k++) {
      double u = CounterRandom.uniform(stream, k);
      eigenvalues[k] = k < SMALL_EIGENVALUES ? u : 30.0 + 30.0 * u;
    }
    return eigenvalues;
  }

  /** The 100×100 Hessian {@code Q diag(λ) Qᵀ}, row-major. */
  public static double[] hessian(long seed) {
    double[] rotation = RandomRotation.haar(DIMENSION, CounterRandom.mix(seed, ROTATION_STREAM));
    return RandomRotation.conjugate(rotation, eigenvalues(seed));
  }

  /** DeepOBS' starting point: every entry 1. */
  public static double[] initialTheta() {
    double[] theta = new double[DIMENSION];
    java.util.Arrays.fill(theta, 1.0);
    return theta;
  }
}
