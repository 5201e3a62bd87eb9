package org.cockpit4j.extension;

/**
 * First-order extension {@code batch_grad}. Per-sample gradients {@code [N, *shape]}: {@code G_n =
 * ∇ℓ_n / N} for the mean loss (see {@link Scaling}).
 *
 * <p>Computed from the layer's cached input and its output gradient only; layers without parameters
 * need no rule for it.
 */
public record BatchGrad() implements Extension {
  /** The extension's name. */
  public static final String NAME = "batch_grad";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
