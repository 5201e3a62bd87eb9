package org.cockpit4j.instruments.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.cockpit4j.instrument.Cell;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.PlotView;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;

/**
 * Draws one {@link GaugeView} into a rectangle: white instrument background, the gauge's title, and
 * its plots on the gauge's grid with aligned axes; a note ("no data yet") instead when the view has
 * no data.
 */
final class GaugePainter {
  private GaugePainter() {}

  static void paint(Graphics2D g2, Rectangle2D area, GaugeView view, double fontSize) {
    g2.setPaint(Color.WHITE);
    g2.fill(area);
    g2.setPaint(new Color(0x99, 0x99, 0x99));
    g2.draw(area);
    Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(fontSize));
    double titleHeight = fontSize * 1.6;
    String title = view.title();
    centred(g2, title, titleFont, Color.BLACK, area.getCenterX(), area.getY() + titleHeight * 0.7);
    Rectangle2D body =
        new Rectangle2D.Double(
            area.getX() + fontSize * 0.3,
            area.getY() + titleHeight,
            area.getWidth() - fontSize * 0.6,
            area.getHeight() - titleHeight - fontSize * 0.3);
    if (view.hasNoData()) {
      note(g2, body, view.note(), fontSize);
      return;
    }
    double[] rows = offsets(view.rowWeights(), body.getY(), body.getHeight());
    double[] columns = offsets(view.columnWeights(), body.getX(), body.getWidth());
    for (PlotView plot : view.plots()) {
      Cell cell = plot.cell();
      Rectangle2D rectangle =
          new Rectangle2D.Double(
              columns[cell.column()],
              rows[cell.row()],
              columns[cell.column() + cell.columnSpan()] - columns[cell.column()],
              rows[cell.row() + cell.rowSpan()] - rows[cell.row()]);
      if (plot.note() != null) {
        note(g2, rectangle, plot.note(), fontSize);
        continue;
      }
      AxisSpace domainSpace = new AxisSpace();
      domainSpace.setBottom(bottomSpace(view, cell, fontSize));
      AxisSpace rangeSpace = new AxisSpace();
      rangeSpace.setLeft(leftSpace(view, cell, fontSize));
      rangeSpace.setRight(rightSpace(view, cell, fontSize));
      JFreeChart chart = PlotChart.build(plot, fontSize, domainSpace, rangeSpace);
      chart.draw(g2, rectangle);
    }
  }

  /**
   * The space below the plots that end in {@code cell}'s last row: tick labels, plus a label line
   * when any of them has an x label (so plots side by side share their bottom edge).
   */
  private static double bottomSpace(GaugeView view, Cell cell, double fontSize) {
    boolean label = false;
    for (PlotView plot : view.plots()) {
      Cell other = plot.cell();
      if (other.row() + other.rowSpan() == cell.row() + cell.rowSpan()) {
        label |= !plot.x().label().isEmpty();
      }
    }
    return fontSize * (label ? 2.4 : 1.3);
  }

  /** The space left of the plots that start in {@code cell}'s first column. */
  private static double leftSpace(GaugeView view, Cell cell, double fontSize) {
    boolean label = false;
    for (PlotView plot : view.plots()) {
      if (plot.cell().column() == cell.column()) {
        label |= !plot.y().label().isEmpty();
      }
    }
    return fontSize * (label ? 4.6 : 3.4);
  }

  /** The space right of the plots that end in {@code cell}'s last column (twin axes). */
  private static double rightSpace(GaugeView view, Cell cell, double fontSize) {
    boolean twin = false;
    for (PlotView plot : view.plots()) {
      Cell other = plot.cell();
      if (other.column() + other.columnSpan() == cell.column() + cell.columnSpan()) {
        twin |= plot.secondaryY() != null;
      }
    }
    return fontSize * (twin ? 4.6 : 0.8);
  }

  /** Cumulative positions of grid lines for {@code weights} over {@code length}. */
  private static double[] offsets(double[] weights, double start, double length) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double[] offsets = new double[weights.length + 1];
    offsets[0] = start;
    for (int i = 0; i < weights.length; i++) {
      offsets[i + 1] = offsets[i] + length * weights[i] / total;
    }
    return offsets;
  }

  static void note(Graphics2D g2, Rectangle2D area, String text, double fontSize) {
    Font font = new Font(Font.SANS_SERIF, Font.ITALIC, (int) Math.round(fontSize * 1.1));
    g2.setPaint(new Color(0xf4, 0xf4, 0xf4));
    g2.fill(area);
    centred(g2, text, font, new Color(0x77, 0x77, 0x77), area.getCenterX(), area.getCenterY());
  }

  static void centred(Graphics2D g2, String text, Font font, Color colour, double x, double y) {
    g2.setFont(font);
    g2.setPaint(colour);
    FontMetrics metrics = g2.getFontMetrics();
    g2.drawString(
        text,
        (float) (x - metrics.stringWidth(text) / 2.0),
        (float) (y + (metrics.getAscent() - metrics.getDescent()) / 2.0));
  }
}
