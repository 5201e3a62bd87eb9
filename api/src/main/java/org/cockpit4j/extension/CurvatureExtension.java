package org.cockpit4j.extension;

/**
 * An extension that backpropagates a symmetric factorisation of the loss Hessian, {@code S [V, N,
 * *featureShape]} with {@code Σ_v S[v,n] S[v,n]ᵀ} equal to the curvature of sample n w.r.t. the
 * features at that point of the network, and reads parameter diagonals from it (spec §8.2–8.5).
 * Every leaf layer of the model needs a rule for it, because every layer transforms the factors.
 */
public interface CurvatureExtension extends Extension {

  @Override
  default boolean isCurvature() {
    return true;
  }

  /**
   * Number of Monte-Carlo samples {@code V} of the loss factor, or 0 for the exact factor (whose
   * {@code V} is the number of network outputs per sample).
   */
  int monteCarloSamples();

  /** Seed of the Monte-Carlo draws (ignored by exact extensions). */
  default long seed() {
    return 0L;
  }
}
