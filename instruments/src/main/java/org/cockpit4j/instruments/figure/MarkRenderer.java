package org.cockpit4j.instruments.figure;

import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import org.cockpit4j.instrument.MarkColour;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Draws one point or line mark, coloured per item through its {@link MarkColour} (a colour map over
 * the plot's x range, as the original colours by iteration).
 */
final class MarkRenderer extends XYLineAndShapeRenderer {
  private static final long serialVersionUID = 1L;

  private final transient MarkColour colour;
  private final double xLow;
  private final double xHigh;

  MarkRenderer(boolean lines, double pointSize, MarkColour colour, double xLow, double xHigh) {
    super(lines, !lines);
    this.colour = colour;
    this.xLow = xLow;
    this.xHigh = xHigh;
    double size = Math.max(1, pointSize);
    setDefaultShape(new Ellipse2D.Double(-size / 2, -size / 2, size, size));
    setAutoPopulateSeriesShape(false);
    setDrawSeriesLineAsPath(false);
  }

  @Override
  public Paint getItemPaint(int series, int item) {
    XYDataset dataset = getPlot() == null ? null : getPlot().getDataset(getPlot().getIndexOf(this));
    if (dataset == null || item >= dataset.getItemCount(series)) {
      return Awt.color(colour.representative());
    }
    double x = dataset.getXValue(series, item);
    double position = xHigh > xLow ? (x - xLow) / (xHigh - xLow) : 0.5;
    return Awt.color(colour.at(position));
  }

  @Override
  public boolean equals(Object other) {
    return other == this;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
