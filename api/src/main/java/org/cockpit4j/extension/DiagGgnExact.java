package org.cockpit4j.extension;

/**
 * {@code diag_ggn_exact}: the diagonal of the generalised Gauss-Newton matrix {@code Σ_n J_nᵀ
 * ∇²_{f_n}L J_n} of the mean loss, shaped like each parameter, from the exact loss-Hessian factor
 * ({@code V} = outputs per sample).
 */
public record DiagGgnExact() implements CurvatureExtension {
  /** The extension's name. */
  public static final String NAME = "diag_ggn_exact";

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
