package org.cockpit4j.extension;

/**
 * {@code diag_h}: the exact diagonal of the Hessian of the mean loss, shaped like each parameter.
 * Starts from the exact loss-Hessian factor like {@link DiagGgnExact}; every activation with a
 * non-zero second derivative (sigmoid, tanh) adds two signed residual factors {@code diag(f''(x) ⊙
 * δ)} in its input space, which then travel down with the others (spec §8.5). Cost grows with the
 * square of the number of such activation features.
 */
public record DiagHessian() implements CurvatureExtension {
  /** The extension's name. */
  public static final String NAME = "diag_h";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int monteCarloSamples() {
    return 0;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
