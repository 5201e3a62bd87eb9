package org.cockpit4j.extension;

/**
 * {@code diag_ggn_mc}: a Monte-Carlo estimate of the GGN diagonal from {@code samples} sampled loss
 * factors per sample: cross-entropy draws labels from the softmax, MSE draws Gaussian noise (spec
 * §8.2). The draws come from the backend's counter-based stream; the k-th backward pass of an
 * {@link ExtendedBackward} uses the stream seed {@code CounterRandom.mix(seed, k)}, so runs are
 * reproducible on every backend.
 *
 * @param samples Monte-Carlo samples {@code M ≥ 1} (BackPACK's {@code mc_samples})
 * @param seed seed of the draws
 */
public record DiagGgnMonteCarlo(int samples, long seed) implements CurvatureExtension {
  /** The extension's name. */
  public static final String NAME = "diag_ggn_mc";

  /** Validates the sample count. */
  public DiagGgnMonteCarlo {
    if (samples < 1) {
      throw new IllegalArgumentException(
          NAME + " needs at least one Monte-Carlo sample, got samples=" + samples);
    }
  }

  /** One sample, seed 0 (BackPACK's default {@code mc_samples=1}). */
  public DiagGgnMonteCarlo() {
    this(1, 0L);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int monteCarloSamples() {
    return samples;
  }

  @Override
  public String toString() {
    return NAME + "(samples=" + samples + ", seed=" + seed + ")";
  }
}
