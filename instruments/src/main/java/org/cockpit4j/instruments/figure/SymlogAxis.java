package org.cockpit4j.instruments.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * matplotlib's {@code symlog} scale for JFreeChart: linear within ±threshold, logarithmic outside
 * ({@code t(v) = v/c} for |v| ≤ c, else {@code sign(v)(1 + log10(|v|/c))}), ticks at 0 and ±c·10^k.
 * The range must be set explicitly.
 */
final class SymlogAxis extends NumberAxis {
  private static final long serialVersionUID = 1L;

  private final double threshold;

  SymlogAxis(String label, double threshold) {
    super(label);
    this.threshold = threshold;
    setAutoRange(false);
  }

  double transform(double value) {
    double scaled = value / threshold;
    if (Math.abs(scaled) <= 1) {
      return scaled;
    }
    return Math.signum(scaled) * (1 + Math.log10(Math.abs(scaled)));
  }

  double inverse(double transformed) {
    if (Math.abs(transformed) <= 1) {
      return transformed * threshold;
    }
    return Math.signum(transformed) * threshold * Math.pow(10, Math.abs(transformed) - 1);
  }

  @Override
  public double valueToJava2D(double value, Rectangle2D area, RectangleEdge edge) {
    double low = transform(getLowerBound());
    double high = transform(getUpperBound());
    double fraction = (transform(value) - low) / (high - low);
    if (isInverted()) {
      fraction = 1 - fraction;
    }
    if (RectangleEdge.isTopOrBottom(edge)) {
      return area.getX() + fraction * area.getWidth();
    }
    return area.getMaxY() - fraction * area.getHeight();
  }

  @Override
  public double java2DToValue(double position, Rectangle2D area, RectangleEdge edge) {
    double fraction =
        RectangleEdge.isTopOrBottom(edge)
            ? (position - area.getX()) / area.getWidth()
            : (area.getMaxY() - position) / area.getHeight();
    if (isInverted()) {
      fraction = 1 - fraction;
    }
    double low = transform(getLowerBound());
    double high = transform(getUpperBound());
    return inverse(low + fraction * (high - low));
  }

  @Override
  @SuppressWarnings("rawtypes") // JFreeChart's signature
  public List refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    List<NumberTick> ticks = new ArrayList<>();
    boolean horizontal = RectangleEdge.isTopOrBottom(edge);
    TextAnchor anchor =
        horizontal
            ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
            : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
    List<Double> values = new ArrayList<>();
    values.add(0.0);
    for (double magnitude = threshold;
        magnitude <= Math.max(Math.abs(getLowerBound()), Math.abs(getUpperBound())) * 1.0001;
        magnitude *= 10) {
      values.add(magnitude);
      values.add(-magnitude);
    }
    values.sort(null);
    for (double value : values) {
      if (value >= getLowerBound() - 1e-12 && value <= getUpperBound() + 1e-12) {
        ticks.add(new NumberTick(value, label(value), anchor, anchor, 0));
      }
    }
    return ticks;
  }

  private static String label(double value) {
    if (value == 0) {
      return "0";
    }
    double exponent = Math.log10(Math.abs(value));
    if (Math.abs(exponent - Math.rint(exponent)) < 1e-9 && Math.abs(exponent) >= 2) {
      return (value < 0 ? "-" : "") + "10^" + (long) Math.rint(exponent);
    }
    return new java.text.DecimalFormat("0.###").format(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SymlogAxis that && threshold == that.threshold && super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
