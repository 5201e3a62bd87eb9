package org.cockpit4j.instrument;

/**
 * One axis of a plot: label, scale, optional fixed limits, direction.
 *
 * @param label the axis label (empty for none)
 * @param scale linear, logarithmic or symmetric-logarithmic
 * @param lower the lower limit, or NaN to fit the data
 * @param upper the upper limit, or NaN to fit the data
 * @param inverted whether values grow downwards (y) or leftwards (x)
 * @param linearThreshold for {@link Scale#SYMLOG}: the half-width of the linear region around 0
 * @param integerTicks whether ticks sit on whole numbers only (iterations)
 */
public record Axis(
    String label,
    Scale scale,
    double lower,
    double upper,
    boolean inverted,
    double linearThreshold,
    boolean integerTicks) {

  /** The scales the original's gauges use. */
  public enum Scale {
    /** Linear. */
    LINEAR,
    /** Base-10 logarithmic (non-positive values are not drawn). */
    LOG,
    /** matplotlib's symlog: linear within ±threshold, logarithmic outside. */
    SYMLOG
  }

  /** Validates. */
  public Axis {
    label = label == null ? "" : label;
    if (scale == null) {
      throw new IllegalArgumentException("An axis needs a scale");
    }
    if (!Double.isNaN(lower) && !Double.isNaN(upper) && !(lower < upper)) {
      throw new IllegalArgumentException(
          "Axis '" + label + "' limits need lower < upper: " + lower + ", " + upper);
    }
    if (scale == Scale.SYMLOG && !(linearThreshold > 0)) {
      throw new IllegalArgumentException(
          "A symlog axis needs a positive linear threshold, got " + linearThreshold);
    }
  }

  /** A linear axis fitted to the data. */
  public static Axis linear(String label) {
    return new Axis(label, Scale.LINEAR, Double.NaN, Double.NaN, false, 1, false);
  }

  /** A logarithmic axis fitted to the data. */
  public static Axis log(String label) {
    return new Axis(label, Scale.LOG, Double.NaN, Double.NaN, false, 1, false);
  }

  /** A symmetric-logarithmic axis, linear within ±{@code threshold}. */
  public static Axis symlog(String label, double threshold) {
    return new Axis(label, Scale.SYMLOG, Double.NaN, Double.NaN, false, threshold, false);
  }

  /** This axis with fixed limits. */
  public Axis range(double from, double to) {
    return new Axis(label, scale, from, to, inverted, linearThreshold, integerTicks);
  }

  /** This axis pointing the other way. */
  public Axis invert() {
    return new Axis(label, scale, lower, upper, !inverted, linearThreshold, integerTicks);
  }

  /** This axis with ticks on whole numbers only (for iterations). */
  public Axis integers() {
    return new Axis(label, scale, lower, upper, inverted, linearThreshold, true);
  }

  /** Whether both limits are fixed. */
  public boolean hasRange() {
    return !Double.isNaN(lower) && !Double.isNaN(upper);
  }
}
