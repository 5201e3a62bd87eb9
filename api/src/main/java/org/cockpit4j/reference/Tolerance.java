package org.cockpit4j.reference;

/**
 * A closeness test {@code |a − b| ≤ atol + rtol·|b|} (a = actual, b = expected), the rule of
 * FORMAT.md §8. Equal non-finite values (NaN and NaN, +∞ and +∞) count as close; any other pairing
 * with a non-finite value does not.
 *
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 */
public record Tolerance(double rtol, double atol) {
  /** Forward values, gradients, BackPACK results, Hessian trace, SGD and Adam trajectories. */
  public static final Tolerance FLOAT64_SUMS = new Tolerance(1e-10, 1e-13);

  /** BackPACK's {@code variance} (a difference of nearly equal terms). */
  public static final Tolerance VARIANCE = new Tolerance(1e-8, 1e-14);

  /** Loss, GradNorm, Distance, UpdateSize, Parameters, HessTrace, TICTrace, MeanGSNR, CABS. */
  public static final Tolerance QUANTITY = new Tolerance(1e-9, 1e-12);

  /** NormTest, InnerTest, OrthoTest, EarlyStopping (variance estimates by cancellation). */
  public static final Tolerance GRADIENT_TEST = new Tolerance(1e-7, 1e-10);

  /** TICDiag and Alpha. */
  public static final Tolerance TIC_DIAG_AND_ALPHA = new Tolerance(1e-6, 1e-9);

  /** Checks the tolerances are non-negative numbers. */
  public Tolerance {
    if (!(rtol >= 0) || !(atol >= 0)) {
      throw new IllegalArgumentException(
          "Tolerances must be >= 0, got rtol=" + rtol + ", atol=" + atol);
    }
  }

  /** Whether {@code actual} is close to {@code expected}. */
  public boolean isClose(double actual, double expected) {
    return ratio(actual, expected) <= 1.0;
  }

  /**
   * {@code |a − b| / (atol + rtol·|b|)}: at most 1 when close; 0 for identical values; +∞ when
   * exactly one side is non-finite or the tolerance is 0 and the values differ.
   */
  public double ratio(double actual, double expected) {
    if (Double.compare(actual, expected) == 0 || actual == expected) {
      return 0.0;
    }
    if (!Double.isFinite(actual) || !Double.isFinite(expected)) {
      return Double.POSITIVE_INFINITY;
    }
    double bound = atol + rtol * Math.abs(expected);
    double difference = Math.abs(actual - expected);
    return bound == 0 ? Double.POSITIVE_INFINITY : difference / bound;
  }

  /** Compares one value. */
  public ToleranceReport compare(double actual, double expected) {
    return compare(new double[] {actual}, new double[] {expected});
  }

  /** Compares element by element; the arrays must have the same length. */
  public ToleranceReport compare(double[] actual, double[] expected) {
    if (actual.length != expected.length) {
      throw new IllegalArgumentException(
          "Cannot compare "
              + actual.length
              + " actual values with "
              + expected.length
              + " expected");
    }
    int failures = 0;
    int worstIndex = -1;
    double worstRatio = -1;
    double maxAbsolute = 0;
    double maxRelative = 0;
    for (int i = 0; i < actual.length; i++) {
      double a = actual[i];
      double b = expected[i];
      double ratio = ratio(a, b);
      if (ratio > 1.0) {
        failures++;
      }
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worstIndex = i;
      }
      if (ratio > 0) {
        double absolute =
            Double.isFinite(a) && Double.isFinite(b) ? Math.abs(a - b) : Double.POSITIVE_INFINITY;
        maxAbsolute = Math.max(maxAbsolute, absolute);
        if (b != 0) {
          maxRelative = Math.max(maxRelative, absolute / Math.abs(b));
        }
      }
    }
    return new ToleranceReport(
        this,
        actual.length,
        failures,
        worstIndex,
        worstIndex < 0 ? Double.NaN : actual[worstIndex],
        worstIndex < 0 ? Double.NaN : expected[worstIndex],
        Math.max(worstRatio, 0),
        maxAbsolute,
        maxRelative);
  }

  /** Compares two tensors; their shapes must agree. */
  public ToleranceReport compare(TensorData actual, TensorData expected) {
    if (!actual.shape().equals(expected.shape())) {
      throw new IllegalArgumentException(
          "Shape mismatch: actual " + actual.shape() + ", expected " + expected.shape());
    }
    return compare(actual.data(), expected.data());
  }

  @Override
  public String toString() {
    return "rtol=" + rtol + ", atol=" + atol;
  }
}
