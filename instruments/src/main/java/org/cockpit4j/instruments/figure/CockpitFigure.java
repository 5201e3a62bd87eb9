package org.cockpit4j.instruments.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.Instruments;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.diagnosis.Finding;
import org.cockpit4j.instruments.diagnosis.Severity;

/**
 * The cockpit figure in the original's layout, drawn onto any {@link Graphics2D} (a PNG image, an
 * SVG document).
 *
 * <p>Primary screen: an outer grid of 2 rows (heights 3 : 1) by 3 equal columns; the top row holds
 * the three titled groups STEP SIZE (blue), GRADIENTS (orange), CURVATURE (green) on their colours
 * at alpha 0.75, each with three gauges stacked on white; the bottom row holds Hyperparameters
 * (left) and the Performance plot (spanning the other two columns) on {@code #ababba}. A title
 * ("Cockpit for &lt;optimizer&gt;") on top and the diagnosis' headlines at the bottom.
 *
 * <p>Secondary screen: the AUXILIARY row (mean GSNR, CABS, early stopping) and the LAYERWISE gauges
 * (per-parameter norms, distances, traces, and the per-parameter 2-D histograms).
 *
 * <p>A gauge whose data is missing, empty or non-finite shows "no data yet"; drawing never fails on
 * the log's content.
 */
public final class CockpitFigure {
  /** The original's 30 × 15 inch figure at 100 dpi. */
  public static final int DEFAULT_WIDTH = 3000;

  /** See {@link #DEFAULT_WIDTH}. */
  public static final int DEFAULT_HEIGHT = 1500;

  /** The outer grid's spacing, relative to the mean cell size (matplotlib's wspace/hspace). */
  private static final double SPACING = 0.1;

  private CockpitFigure() {}

  /** The two screens. */
  public enum Screen {
    /** The original's primary screen. */
    PRIMARY,
    /** The original's secondary screen (auxiliary and layer-wise gauges). */
    SECONDARY
  }

  /** Whether the secondary screen would show any data for {@code run}. */
  public static boolean hasSecondaryData(RunData run) {
    for (Instrument instrument : Instruments.all()) {
      if (!instrument.group().primary() && instrument.canShow(run)) {
        return true;
      }
    }
    return false;
  }

  /** The title: "Cockpit for &lt;optimizer&gt;" when the run names one, else "Cockpit". */
  public static String title(RunData run) {
    String optimizer = run.optimizerName();
    return optimizer == null ? "Cockpit" : "Cockpit for " + optimizer;
  }

  /**
   * Draws {@code screen} of {@code run} on {@code g2} over {@code width} × {@code height} pixels.
   */
  public static FigureLayout draw(
      Graphics2D g2, int width, int height, RunData run, Screen screen, List<Finding> findings) {
    if (width < 200 || height < 100) {
      throw new IllegalArgumentException(
          "A cockpit figure needs at least 200 x 100 pixels, got " + width + " x " + height);
    }
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g2.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g2.setPaint(Color.WHITE);
    g2.fill(new Rectangle2D.Double(0, 0, width, height));
    double fontSize = Math.max(8, height / 95.0);
    Map<InstrumentGroup, List<GaugeView>> views = views(run, screen);
    List<FigureLayout.Panel> panels = new ArrayList<>();

    double titleHeight = fontSize * 3;
    Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(fontSize * 2));
    GaugePainter.centred(
        g2,
        title(run) + (screen == Screen.SECONDARY ? " (secondary screen)" : ""),
        titleFont,
        Color.BLACK,
        width / 2.0,
        titleHeight / 2);
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(fontSize));
    g2.setFont(small);
    g2.setPaint(Color.DARK_GRAY);
    g2.drawString(
        run.name() + (run.lastStep() >= 0 ? "   step " + run.lastStep() : "   no steps logged"),
        (float) fontSize,
        (float) (titleHeight / 2 + fontSize / 2));

    List<String> lines = findingLines(findings);
    double findingsHeight = (lines.size() + 0.6) * fontSize * 1.35;
    double margin = fontSize;
    Rectangle2D body =
        new Rectangle2D.Double(
            margin,
            titleHeight,
            width - 2 * margin,
            height - titleHeight - findingsHeight - margin / 2);
    if (screen == Screen.PRIMARY) {
      drawPrimary(g2, body, views, fontSize, panels);
    } else {
      drawSecondary(g2, body, views, fontSize, panels);
    }
    drawFindings(g2, lines, findings, margin, height - findingsHeight, fontSize);
    return new FigureLayout(width, height, panels);
  }

  private static Map<InstrumentGroup, List<GaugeView>> views(RunData run, Screen screen) {
    Map<InstrumentGroup, List<GaugeView>> views = new TreeMap<>();
    for (Instrument instrument : Instruments.all()) {
      if (instrument.group().primary() == (screen == Screen.PRIMARY)) {
        views
            .computeIfAbsent(instrument.group(), unused -> new ArrayList<>())
            .add(instrument.view(run));
      }
    }
    return views;
  }

  private static void drawPrimary(
      Graphics2D g2,
      Rectangle2D body,
      Map<InstrumentGroup, List<GaugeView>> views,
      double fontSize,
      List<FigureLayout.Panel> panels) {
    double column = body.getWidth() / (3 + 2 * SPACING);
    double unit = body.getHeight() / (4 + SPACING * 2);
    double gapX = column * SPACING;
    double gapY = unit * 2 * SPACING;
    InstrumentGroup[] top = {
      InstrumentGroup.STEP_SIZE, InstrumentGroup.GRADIENTS, InstrumentGroup.CURVATURE
    };
    for (int i = 0; i < top.length; i++) {
      Rectangle2D area =
          new Rectangle2D.Double(body.getX() + i * (column + gapX), body.getY(), column, 3 * unit);
      drawGroup(
          g2,
          area,
          top[i],
          views.getOrDefault(top[i], List.of()),
          fontSize,
          panels,
          1,
          3,
          top[i] == InstrumentGroup.CURVATURE ? 0.15 : 0.1,
          top[i] == InstrumentGroup.CURVATURE ? 0.0 : 0.1);
    }
    double bottomY = body.getY() + 3 * unit + gapY;
    drawGroup(
        g2,
        new Rectangle2D.Double(body.getX(), bottomY, column, unit),
        InstrumentGroup.HYPERPARAMETERS,
        views.getOrDefault(InstrumentGroup.HYPERPARAMETERS, List.of()),
        fontSize,
        panels,
        1,
        1,
        0.03,
        0.03);
    drawGroup(
        g2,
        new Rectangle2D.Double(body.getX() + column + gapX, bottomY, 2 * column + gapX, unit),
        InstrumentGroup.PERFORMANCE,
        views.getOrDefault(InstrumentGroup.PERFORMANCE, List.of()),
        fontSize,
        panels,
        1,
        1,
        0.015,
        0.015);
  }

  private static void drawSecondary(
      Graphics2D g2,
      Rectangle2D body,
      Map<InstrumentGroup, List<GaugeView>> views,
      double fontSize,
      List<FigureLayout.Panel> panels) {
    double gap = body.getHeight() * 0.03;
    double auxiliaryHeight = (body.getHeight() - gap) / 3;
    List<GaugeView> auxiliary = views.getOrDefault(InstrumentGroup.AUXILIARY, List.of());
    drawGroup(
        g2,
        new Rectangle2D.Double(body.getX(), body.getY(), body.getWidth(), auxiliaryHeight),
        InstrumentGroup.AUXILIARY,
        auxiliary,
        fontSize,
        panels,
        Math.max(1, auxiliary.size()),
        1,
        0.01,
        0.01);
    List<GaugeView> layerwise = views.getOrDefault(InstrumentGroup.LAYERWISE, List.of());
    Rectangle2D area =
        new Rectangle2D.Double(
            body.getX(),
            body.getY() + auxiliaryHeight + gap,
            body.getWidth(),
            body.getHeight() - auxiliaryHeight - gap);
    Rectangle2D inner = groupBackground(g2, area, InstrumentGroup.LAYERWISE, fontSize);
    List<GaugeView> lines = layerwise.subList(0, Math.min(4, layerwise.size()));
    List<GaugeView> rest = layerwise.subList(lines.size(), layerwise.size());
    double half = rest.isEmpty() ? inner.getWidth() : inner.getWidth() * 0.5;
    double pad = fontSize * 0.6;
    for (int i = 0; i < lines.size(); i++) {
      double cellWidth = (half - pad) / 2;
      double cellHeight = (inner.getHeight() - pad) / 2;
      Rectangle2D cell =
          new Rectangle2D.Double(
              inner.getX() + (i % 2) * (cellWidth + pad),
              inner.getY() + (i / 2) * (cellHeight + pad),
              cellWidth,
              cellHeight);
      paint(g2, cell, lines.get(i), fontSize, panels);
    }
    for (int i = 0; i < rest.size(); i++) {
      double cellHeight = (inner.getHeight() - pad * (rest.size() - 1)) / rest.size();
      Rectangle2D cell =
          new Rectangle2D.Double(
              inner.getX() + half + pad,
              inner.getY() + i * (cellHeight + pad),
              inner.getWidth() - half - pad,
              cellHeight);
      paint(g2, cell, rest.get(i), fontSize, panels);
    }
  }

  /**
   * A group's coloured background and title, and its gauges on a {@code columns} × {@code rows}
   * grid inside horizontal margins {@code left} and {@code right} (fractions of the width).
   */
  private static void drawGroup(
      Graphics2D g2,
      Rectangle2D area,
      InstrumentGroup group,
      List<GaugeView> gauges,
      double fontSize,
      List<FigureLayout.Panel> panels,
      int columns,
      int rows,
      double left,
      double right) {
    Rectangle2D inner = groupBackground(g2, area, group, fontSize);
    double x0 = area.getX() + area.getWidth() * left;
    double width = area.getWidth() * (1 - left - right);
    if (width <= 0) {
      width = inner.getWidth();
      x0 = inner.getX();
    }
    double pad = fontSize * 0.8;
    double cellWidth = (width - pad * (columns - 1)) / columns;
    double cellHeight = (inner.getHeight() - pad * (rows - 1)) / rows;
    for (int i = 0; i < gauges.size() && i < columns * rows; i++) {
      int row = columns == 1 ? i : i / columns;
      int col = columns == 1 ? 0 : i % columns;
      Rectangle2D cell =
          new Rectangle2D.Double(
              x0 + col * (cellWidth + pad),
              inner.getY() + row * (cellHeight + pad),
              cellWidth,
              cellHeight);
      paint(g2, cell, gauges.get(i), fontSize, panels);
    }
  }

  /** Fills the group's background, writes its title; returns the area left for gauges. */
  private static Rectangle2D groupBackground(
      Graphics2D g2, Rectangle2D area, InstrumentGroup group, double fontSize) {
    boolean summary =
        group == InstrumentGroup.HYPERPARAMETERS || group == InstrumentGroup.PERFORMANCE;
    g2.setPaint(Awt.color(summary ? group.colour() : group.colour().withAlpha(0.75)));
    g2.fill(area);
    double titleHeight = summary ? fontSize * 0.6 : fontSize * 2.4;
    if (!summary) {
      GaugePainter.centred(
          g2,
          group.title(),
          new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(fontSize * 1.5)),
          Color.BLACK,
          area.getCenterX(),
          area.getY() + titleHeight / 2);
    }
    double pad = fontSize * 0.6;
    return new Rectangle2D.Double(
        area.getX() + pad,
        area.getY() + titleHeight,
        area.getWidth() - 2 * pad,
        area.getHeight() - titleHeight - pad);
  }

  private static void paint(
      Graphics2D g2,
      Rectangle2D cell,
      GaugeView view,
      double fontSize,
      List<FigureLayout.Panel> panels) {
    GaugePainter.paint(g2, cell, view, fontSize);
    panels.add(new FigureLayout.Panel(view.instrument(), view.group(), cell, view.note()));
  }

  private static List<String> findingLines(List<Finding> findings) {
    List<String> lines = new ArrayList<>();
    if (findings.isEmpty()) {
      lines.add("Diagnosis: no findings.");
      return lines;
    }
    int shown = Math.min(4, findings.size());
    for (int i = 0; i < shown; i++) {
      lines.add(findings.get(i).headline());
    }
    if (findings.size() > shown) {
      lines.add("... and " + (findings.size() - shown) + " more in diagnosis.txt");
    }
    return lines;
  }

  private static void drawFindings(
      Graphics2D g2,
      List<String> lines,
      List<Finding> findings,
      double x,
      double y,
      double fontSize) {
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(fontSize * 1.05));
    g2.setFont(font);
    for (int i = 0; i < lines.size(); i++) {
      Color colour = Color.DARK_GRAY;
      if (i < findings.size()) {
        Severity severity = findings.get(i).severity();
        colour =
            severity == Severity.CRITICAL
                ? new Color(0xb0, 0x10, 0x10)
                : severity == Severity.WARNING ? new Color(0xc0, 0x60, 0x00) : Color.DARK_GRAY;
      }
      g2.setPaint(colour);
      g2.drawString(lines.get(i), (float) x, (float) (y + (i + 1) * fontSize * 1.35));
    }
  }
}
