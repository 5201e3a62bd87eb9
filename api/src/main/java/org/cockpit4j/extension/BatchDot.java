package org.cockpit4j.extension;

/**
 * First-order extension {@code batch_dot}. Pairwise inner products of the per-sample gradients
 * restricted to one parameter, the Gram matrix {@code [N, N]}: {@code ⟨G_n, G_m⟩}. Consumers sum it
 * over parameters for the whole-network Gram matrix.
 *
 * <p>Computed from the layer's cached input and its output gradient only; layers without parameters
 * need no rule for it.
 */
public record BatchDot() implements Extension {
  /** The extension's name. */
  public static final String NAME = "batch_dot";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
