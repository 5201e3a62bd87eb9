package org.cockpit4j.instruments.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.PlotView;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Builds the JFreeChart of one {@link PlotView}. */
final class PlotChart {
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

  private PlotChart() {}

  /**
   * The chart of {@code view} with fonts of {@code fontSize} pixels and fixed axis spaces (so that
   * the plots of one gauge line up).
   */
  static JFreeChart build(
      PlotView view, double fontSize, AxisSpace domainSpace, AxisSpace rangeSpace) {
    List<Mark> marks = view.marks();
    double[] xRange = DataRange.x(view.x(), marks);
    double[] yRange = DataRange.y(view.y(), marks, false);
    XYPlot plot = new XYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(0.6f));
    plot.setRangeGridlineStroke(new BasicStroke(0.6f));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setDomainAxis(axis(view.x(), xRange, fontSize));
    plot.setRangeAxis(0, axis(view.y(), yRange, fontSize));
    plot.setFixedDomainAxisSpace(domainSpace);
    plot.setFixedRangeAxisSpace(rangeSpace);
    XYLineAndShapeRenderer primary = anchorRenderer();
    plot.setDataset(0, new XYSeriesCollection());
    plot.setRenderer(0, primary);
    XYLineAndShapeRenderer secondary = primary;
    if (view.secondaryY() != null) {
      double[] y2Range = DataRange.y(view.secondaryY(), marks, true);
      plot.setRangeAxis(1, axis(view.secondaryY(), y2Range, fontSize));
      secondary = anchorRenderer();
      plot.setDataset(1, new XYSeriesCollection());
      plot.setRenderer(1, secondary);
      plot.mapDatasetToRangeAxis(1, 1);
    }
    int index = 2;
    for (Mark mark : marks) {
      boolean onSecondary = view.secondaryY() != null && DataRange.isSecondary(mark);
      XYLineAndShapeRenderer anchor = onSecondary ? secondary : primary;
      if (mark instanceof Mark.Points points) {
        addSeries(
            plot,
            index++,
            points.x(),
            points.y(),
            onSecondary,
            new MarkRenderer(
                false, points.size() * fontSize / 12, points.colour(), xRange[0], xRange[1]));
      } else if (mark instanceof Mark.Line line) {
        MarkRenderer renderer = new MarkRenderer(true, 1, line.colour(), xRange[0], xRange[1]);
        renderer.setDefaultStroke(Awt.stroke(line.width() * fontSize / 12, line.dashed()));
        renderer.setAutoPopulateSeriesStroke(false);
        addSeries(plot, index++, line.x(), line.y(), onSecondary, renderer);
      } else if (mark instanceof Mark.Area
          || mark instanceof Mark.Bars
          || mark instanceof Mark.HeatMap) {
        anchor.addAnnotation(new MarkAnnotation(mark), Layer.BACKGROUND);
      } else if (mark instanceof Mark.Polygon polygon) {
        anchor.addAnnotation(polygon(polygon), Layer.FOREGROUND);
      } else if (mark instanceof Mark.Text text) {
        anchor.addAnnotation(text(text, fontSize), Layer.FOREGROUND);
      } else if (mark instanceof Mark.Band band) {
        IntervalMarker marker =
            new IntervalMarker(band.lower(), band.upper(), Awt.color(band.fill()));
        if (band.horizontal()) {
          plot.addRangeMarker(marker, Layer.BACKGROUND);
        } else {
          plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
      } else if (mark instanceof Mark.Rule rule) {
        ValueMarker marker =
            new ValueMarker(
                rule.value(),
                Awt.color(rule.colour()),
                Awt.stroke(rule.width() * fontSize / 12, rule.dashed()));
        if (rule.horizontal()) {
          plot.addRangeMarker(marker, Layer.FOREGROUND);
        } else {
          plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
      }
    }
    addLegend(plot, marks, fontSize);
    Font titleFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(fontSize * 0.9));
    JFreeChart chart = new JFreeChart(null, titleFont, plot, false);
    if (!view.title().isEmpty()) {
      TextTitle title = new TextTitle(view.title(), titleFont);
      title.setPadding(new RectangleInsets(1, 1, 1, 1));
      chart.setTitle(title);
    }
    chart.setBackgroundPaint(null);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(1, 1, 1, 1));
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    return chart;
  }

  private static XYLineAndShapeRenderer anchorRenderer() {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, false);
    renderer.setDefaultSeriesVisibleInLegend(false);
    return renderer;
  }

  private static void addSeries(
      XYPlot plot, int index, double[] x, double[] y, boolean secondary, MarkRenderer renderer) {
    XYSeries series = new XYSeries("mark " + index, false, true);
    boolean logX = plot.getDomainAxis() instanceof LogAxis;
    boolean logY = plot.getRangeAxis(secondary ? 1 : 0) instanceof LogAxis;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i])
          && Double.isFinite(y[i])
          && (!logX || x[i] > 0)
          && (!logY || y[i] > 0)) {
        series.add(x[i], y[i], false);
      }
    }
    plot.setDataset(index, new XYSeriesCollection(series));
    plot.setRenderer(index, renderer);
    plot.mapDatasetToRangeAxis(index, secondary ? 1 : 0);
  }

  private static ValueAxis axis(Axis spec, double[] range, double fontSize) {
    ValueAxis axis;
    switch (spec.scale()) {
      case LOG -> {
        LogAxis log = new LogAxis(spec.label());
        log.setSmallestValue(Math.min(range[0], 1e-300));
        log.setBase(10);
        log.setMinorTickMarksVisible(false);
        log.setNumberFormatOverride(new CompactNumberFormat());
        axis = log;
      }
      case SYMLOG -> axis = new SymlogAxis(spec.label(), spec.linearThreshold());
      default -> {
        NumberAxis number = new NumberAxis(spec.label());
        number.setAutoRangeIncludesZero(false);
        if (spec.integerTicks()) {
          number.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        axis = number;
      }
    }
    axis.setAutoRange(false);
    axis.setRange(range[0], range[1]);
    axis.setInverted(spec.inverted());
    axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(fontSize * 0.85)));
    axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(fontSize * 0.7)));
    axis.setLabelInsets(new RectangleInsets(1, 1, 1, 1));
    axis.setTickLabelInsets(new RectangleInsets(1, 1, 1, 1));
    return axis;
  }

  private static XYPolygonAnnotation polygon(Mark.Polygon polygon) {
    double[] x = polygon.x();
    double[] y = polygon.y();
    double[] xy = new double[2 * x.length];
    for (int i = 0; i < x.length; i++) {
      xy[2 * i] = x[i];
      xy[2 * i + 1] = y[i];
    }
    return new XYPolygonAnnotation(
        xy,
        new BasicStroke(1.5f),
        polygon.outline() == null ? null : Awt.color(polygon.outline()),
        polygon.fill() == null ? null : Awt.color(polygon.fill()));
  }

  private static XYTextAnnotation text(Mark.Text text, double fontSize) {
    XYTextAnnotation annotation = new XYTextAnnotation(text.text(), text.x(), text.y());
    annotation.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(fontSize * 0.8)));
    annotation.setPaint(Awt.color(text.colour()));
    annotation.setTextAnchor(
        text.align() < 0
            ? TextAnchor.CENTER_LEFT
            : text.align() > 0 ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER);
    return annotation;
  }

  private static void addLegend(XYPlot plot, List<Mark> marks, double fontSize) {
    LegendItemCollection items = new LegendItemCollection();
    List<String> seen = new ArrayList<>();
    for (Mark mark : marks) {
      if (mark.label().isEmpty() || seen.contains(mark.label())) {
        continue;
      }
      seen.add(mark.label());
      Color colour = Awt.color(swatch(mark));
      LegendItem item = new LegendItem(mark.label(), colour);
      item.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(fontSize * 0.7)));
      items.add(item);
    }
    if (items.getItemCount() == 0) {
      return;
    }
    LegendTitle legend = new LegendTitle(() -> items);
    legend.setBackgroundPaint(new Color(255, 255, 255, 200));
    legend.setFrame(new BlockBorder(new Color(0xcc, 0xcc, 0xcc)));
    legend.setPosition(RectangleEdge.TOP);
    legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(fontSize * 0.7)));
    plot.addAnnotation(new XYTitleAnnotation(0.99, 0.99, legend, RectangleAnchor.TOP_RIGHT));
  }

  private static org.cockpit4j.instrument.Colour swatch(Mark mark) {
    if (mark instanceof Mark.Points points) {
      return points.colour().representative();
    }
    if (mark instanceof Mark.Line line) {
      return line.colour().representative();
    }
    if (mark instanceof Mark.Area area) {
      return area.fill();
    }
    if (mark instanceof Mark.Bars bars) {
      return bars.fill().withAlpha(Math.max(0.7, bars.fill().alpha()));
    }
    if (mark instanceof Mark.Polygon polygon && polygon.fill() != null) {
      return polygon.fill();
    }
    return org.cockpit4j.instrument.Colour.GREY;
  }
}
