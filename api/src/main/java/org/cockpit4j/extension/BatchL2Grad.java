package org.cockpit4j.extension;

/**
 * First-order extension {@code batch_l2}. Squared norms of the per-sample gradients restricted to
 * one parameter, {@code [N]}: {@code ‖G_n‖²}.
 *
 * <p>Computed from the layer's cached input and its output gradient only; layers without parameters
 * need no rule for it.
 */
public record BatchL2Grad() implements Extension {
  /** The extension's name. */
  public static final String NAME = "batch_l2";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
