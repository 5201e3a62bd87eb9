package org.cockpit4j.instruments.gauges;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Colour;
import org.cockpit4j.instrument.ColourMap;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.MarkColour;
import org.cockpit4j.instrument.Series;

/** Building blocks the gauges share: the iteration axis, scatter + EMA, number formats. */
public final class GaugeParts {
  /** The original's EMA weight: pandas {@code ewm(alpha=0.2, adjust=False)}. */
  public static final double EMA_ALPHA = 0.2;

  /** Marker size of scatter points (pixels at the figure's base size). */
  public static final double POINT_SIZE = 6;

  /** Marker size of a twin-axis series ("pixel markers"). */
  public static final double SMALL_POINT_SIZE = 3;

  private GaugeParts() {}

  /** The x-axis of every time-series gauge. */
  public static Axis iterations() {
    return Axis.linear("Iteration").integers();
  }

  /**
   * The original's time-series look: points coloured by iteration ({@code points}) and their EMA as
   * a line ({@code ema}); non-finite values dropped (and non-positive ones for a log axis).
   */
  public static List<Mark> scatterWithEma(
      Series series,
      String label,
      boolean logScale,
      boolean secondary,
      ColourMap points,
      ColourMap ema,
      double pointSize) {
    Series drawn = logScale ? onlyPositive(series) : series;
    Series finite = drawn.finite();
    List<Mark> marks = new ArrayList<>();
    marks.add(
        new Mark.Points(
            label, finite.x(), finite.values(), MarkColour.byStep(points), pointSize, secondary));
    Series average = drawn.ema(EMA_ALPHA);
    marks.add(
        new Mark.Line(
            label.isEmpty() ? "" : label + " (EMA)",
            average.x(),
            average.values(),
            MarkColour.byStep(ema),
            2,
            false,
            secondary));
    return marks;
  }

  /** {@link #scatterWithEma} with viridis points and a cool EMA on the primary axis. */
  public static List<Mark> scatterWithEma(Series series, String label, boolean logScale) {
    return scatterWithEma(
        series, label, logScale, false, ColourMap.VIRIDIS, ColourMap.COOL, POINT_SIZE);
  }

  /** A line in one colour through the finite values. */
  public static Mark.Line line(String label, Series series, Colour colour, boolean secondary) {
    Series finite = series.finite();
    return new Mark.Line(
        label, finite.x(), finite.values(), MarkColour.of(colour), 2, false, secondary);
  }

  /** The series with non-positive values replaced by NaN (kept as rows for the EMA). */
  public static Series onlyPositive(Series series) {
    double[] values = series.values();
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] > 0)) {
        values[i] = Double.NaN;
      }
    }
    return new Series(series.steps(), values);
  }

  /** A number as the original's legends write it: {@code 1.2E-03}. */
  public static String scientific(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    return String.format(java.util.Locale.ROOT, "%.1E", value);
  }

  /** A number with two decimals. */
  public static String twoDecimals(double value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  /** Mid-points of consecutive edges. */
  public static double[] centres(double[] edges) {
    double[] centres = new double[edges.length - 1];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = 0.5 * (edges[i] + edges[i + 1]);
    }
    return centres;
  }

  /** {@code n} evenly spaced numbers from {@code from} to {@code to}. */
  public static double[] linspace(double from, double to, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
    }
    return values;
  }
}
