package org.cockpit4j.extension;

/**
 * First-order extension {@code sum_grad_squared}. Sum of the squared per-sample gradients,
 * elementwise, shaped like the parameter: {@code Σ_n G_n²}.
 *
 * <p>Computed from the layer's cached input and its output gradient only; layers without parameters
 * need no rule for it.
 */
public record SumGradSquared() implements Extension {
  /** The extension's name. */
  public static final String NAME = "sum_grad_squared";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
