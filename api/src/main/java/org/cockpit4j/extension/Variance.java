package org.cockpit4j.extension;

/**
 * First-order extension {@code variance}. Biased variance of the per-sample gradients {@code G_n},
 * elementwise: {@code Σ_n G_n²/N − (Σ_n G_n / N)²} (BackPACK's {@code variance}; multiply by {@code
 * N²} for the variance of {@code ∇ℓ_n}).
 *
 * <p>Computed from the layer's cached input and its output gradient only; layers without parameters
 * need no rule for it.
 */
public record Variance() implements Extension {
  /** The extension's name. */
  public static final String NAME = "variance";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
