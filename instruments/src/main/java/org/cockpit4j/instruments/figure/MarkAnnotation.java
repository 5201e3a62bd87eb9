package org.cockpit4j.instruments.figure;

import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.cockpit4j.instrument.Mark;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Draws the area-like marks (areas, bars, heat maps) in data coordinates through the plot's axes,
 * so that they follow log, symlog and inverted axes; attached to the renderer of the axis they
 * belong to.
 */
final class MarkAnnotation extends AbstractXYAnnotation {
  private static final long serialVersionUID = 1L;

  private final transient Mark mark;

  MarkAnnotation(Mark mark) {
    if (!(mark instanceof Mark.Area || mark instanceof Mark.Bars || mark instanceof Mark.HeatMap)) {
      throw new IllegalArgumentException("Not an area-like mark: " + mark);
    }
    this.mark = mark;
  }

  @Override
  public void draw(
      Graphics2D g2,
      XYPlot plot,
      Rectangle2D dataArea,
      ValueAxis domainAxis,
      ValueAxis rangeAxis,
      int rendererIndex,
      PlotRenderingInfo info) {
    Frame frame = new Frame(plot, dataArea, domainAxis, rangeAxis);
    java.awt.Shape clip = g2.getClip();
    g2.clip(dataArea);
    try {
      if (mark instanceof Mark.Area area) {
        drawArea(g2, frame, area);
      } else if (mark instanceof Mark.Bars bars) {
        drawBars(g2, frame, bars);
      } else if (mark instanceof Mark.HeatMap map) {
        drawHeatMap(g2, frame, map);
      }
    } finally {
      g2.setClip(clip);
    }
  }

  private static void drawArea(Graphics2D g2, Frame frame, Mark.Area area) {
    double[] x = area.x();
    double[] y = area.y();
    Path2D.Double path = new Path2D.Double();
    boolean started = false;
    double first = Double.NaN;
    double last = Double.NaN;
    for (int i = 0; i < x.length; i++) {
      if (!frame.drawable(x[i], y[i])) {
        continue;
      }
      double px = frame.x(x[i]);
      double py = frame.y(y[i]);
      if (!started) {
        path.moveTo(px, py);
        started = true;
        first = area.horizontal() ? y[i] : x[i];
      } else {
        path.lineTo(px, py);
      }
      last = area.horizontal() ? y[i] : x[i];
    }
    if (!started) {
      return;
    }
    if (area.horizontal()) {
      double base = frame.base(frame.domain, area.baseline());
      path.lineTo(frame.x(base), frame.y(last));
      path.lineTo(frame.x(base), frame.y(first));
    } else {
      double base = frame.base(frame.range, area.baseline());
      path.lineTo(frame.x(last), frame.y(base));
      path.lineTo(frame.x(first), frame.y(base));
    }
    path.closePath();
    g2.setPaint(Awt.color(area.fill()));
    g2.fill(path);
  }

  private static void drawBars(Graphics2D g2, Frame frame, Mark.Bars bars) {
    double[] centres = bars.centres();
    double[] lengths = bars.lengths();
    g2.setPaint(Awt.color(bars.fill()));
    ValueAxis valueAxis = bars.horizontal() ? frame.domain : frame.range;
    double base = frame.base(valueAxis, Double.NaN);
    for (int i = 0; i < centres.length; i++) {
      double from = centres[i] - bars.width() / 2;
      double to = centres[i] + bars.width() / 2;
      double length = lengths[i];
      if (!Double.isFinite(length) || !Double.isFinite(centres[i])) {
        continue;
      }
      if (valueAxis instanceof LogAxis && length <= 0) {
        continue;
      }
      Rectangle2D rectangle =
          bars.horizontal()
              ? frame.rectangle(base, from, length, to)
              : frame.rectangle(from, base, to, length);
      g2.fill(rectangle);
    }
  }

  private static void drawHeatMap(Graphics2D g2, Frame frame, Mark.HeatMap map) {
    double max = map.max();
    if (max <= 0) {
      return;
    }
    double[] xEdges = map.xEdges();
    double[] yEdges = map.yEdges();
    double[][] values = map.values();
    java.awt.Color base = Awt.color(map.colour());
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < values[i].length; j++) {
        double value = values[i][j];
        if (!(value > 0)) {
          continue;
        }
        float alpha = (float) Math.min(1, value / max);
        g2.setPaint(
            new java.awt.Color(
                base.getRed() / 255f, base.getGreen() / 255f, base.getBlue() / 255f, alpha));
        Rectangle2D cell = frame.rectangle(xEdges[i], yEdges[j], xEdges[i + 1], yEdges[j + 1]);
        // Overlap by half a pixel so that no hairline gaps show between cells.
        g2.fill(
            new Rectangle2D.Double(
                cell.getX() - 0.25,
                cell.getY() - 0.25,
                cell.getWidth() + 0.5,
                cell.getHeight() + 0.5));
      }
    }
  }

  /** Axis transforms of one draw call. */
  private static final class Frame {
    final XYPlot plot;
    final Rectangle2D area;
    final ValueAxis domain;
    final ValueAxis range;

    Frame(XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range) {
      this.plot = plot;
      this.area = area;
      this.domain = domain;
      this.range = range;
    }

    double x(double value) {
      return domain.valueToJava2D(value, area, plot.getDomainAxisEdge());
    }

    double y(double value) {
      return range.valueToJava2D(value, area, RectangleEdge.LEFT);
    }

    boolean drawable(double xValue, double yValue) {
      return Double.isFinite(xValue)
          && Double.isFinite(yValue)
          && (!(domain instanceof LogAxis) || xValue > 0)
          && (!(range instanceof LogAxis) || yValue > 0);
    }

    /** The baseline: {@code baseline} when usable, else 0, else the axis' lower end. */
    double base(ValueAxis axis, double baseline) {
      if (Double.isFinite(baseline) && (!(axis instanceof LogAxis) || baseline > 0)) {
        return baseline;
      }
      if (!(axis instanceof LogAxis) && axis.getLowerBound() <= 0 && axis.getUpperBound() >= 0) {
        return 0;
      }
      return axis.getLowerBound();
    }

    Rectangle2D rectangle(double x0, double y0, double x1, double y1) {
      double px0 = x(x0);
      double px1 = x(x1);
      double py0 = y(y0);
      double py1 = y(y1);
      return new Rectangle2D.Double(
          Math.min(px0, px1), Math.min(py0, py1), Math.abs(px1 - px0), Math.abs(py1 - py0));
    }
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
