package org.cockpit4j.quantities;

import java.util.Locale;
import org.cockpit4j.extension.Extension;
import org.cockpit4j.extension.Extensions;

/**
 * The curvature diagonal HessTrace, TICDiag and TICTrace use, by the original's option names: the
 * exact Hessian diagonal, or the exact or Monte-Carlo (one sample) GGN diagonal.
 */
public enum Curvature {
  /** {@code diag_h}: the exact Hessian diagonal (the default). */
  DIAG_H(Extensions.DIAG_HESSIAN),
  /** {@code diag_ggn_exact}: the exact generalized Gauss-Newton diagonal. */
  DIAG_GGN_EXACT(Extensions.DIAG_GGN_EXACT),
  /** {@code diag_ggn_mc}: a one-sample Monte-Carlo estimate of the GGN diagonal. */
  DIAG_GGN_MC(Extensions.DIAG_GGN_MC);

  private final Extension extension;

  Curvature(Extension extension) {
    this.extension = extension;
  }

  /** The backprop extension. */
  public Extension extension() {
    return extension;
  }

  /** The option value, e.g. {@code diag_h}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The curvature named {@code label}; fails listing the options (the original's KeyError). */
  public static Curvature of(String label) {
    for (Curvature curvature : values()) {
      if (curvature.label().equals(label)) {
        return curvature;
      }
    }
    throw new IllegalArgumentException(
        "Unknown curvature '" + label + "'; options: diag_h, diag_ggn_exact, diag_ggn_mc");
  }
}
