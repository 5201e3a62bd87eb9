package org.cockpit4j.conformance;

import org.cockpit4j.reference.Tolerance;
import org.cockpit4j.tensor.DType;

/**
 * The tolerances a replay is held to, per recorded key. float64 uses FORMAT.md §8's table; float32
 * (devices without {@code cl_khr_fp64}) is held to single-precision rounding: relative 2e-3 and
 * absolute 1e-5 for plain values, looser for quantities built by cancellation.
 */
public enum ToleranceProfile {
  /** FORMAT.md §8, for float64 replays. */
  FLOAT64 {
    @Override
    public Tolerance forKey(String key) {
      if (key.equals("backpack.variance")) {
        return Tolerance.VARIANCE;
      }
      if (key.startsWith("hessian.eig") || key.equals("hessian.frobenius_norm")) {
        return EIGENVALUES;
      }
      return Tolerance.FLOAT64_SUMS;
    }
  },
  /** Single precision: relative 2e-3 / absolute 1e-5 (variance 1e-2 / 1e-6). */
  FLOAT32 {
    @Override
    public Tolerance forKey(String key) {
      if (key.equals("backpack.variance")) {
        return new Tolerance(1e-2, 1e-6);
      }
      return new Tolerance(2e-3, 1e-5);
    }
  };

  /**
   * Eigenvalues of a Hessian assembled from products: the dense float64 eigensolver's rounding (the
   * absolute part is scaled by ‖H‖_F).
   */
  private static final Tolerance EIGENVALUES = new Tolerance(1e-9, 1e-12);

  /** The tolerance of a key of the case file ({@code forward.loss}, {@code backpack.grad}, ...). */
  public abstract Tolerance forKey(String key);

  /** The profile for a replay in {@code dtype}. */
  public static ToleranceProfile of(DType dtype) {
    return dtype == DType.FLOAT64 ? FLOAT64 : FLOAT32;
  }
}
