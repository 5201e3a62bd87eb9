package org.cockpit4j.instrument;

import java.util.Arrays;
import java.util.List;

/**
 * What one instrument shows for a run at one moment: a grid of {@link PlotView}s (most gauges have
 * one plot; the gradient tests and the 2-D histogram have side panels), or a note such as "no data
 * yet" when the log holds nothing it can show. Free of any chart library: the figure draws it with
 * JFreeChart, the dashboard in the browser.
 *
 * @param instrument the instrument's name (stable id, e.g. {@code alpha})
 * @param title the gauge's title (the original's, e.g. "Alpha Distribution")
 * @param group where the gauge sits in the cockpit
 * @param rowWeights relative heights of the grid rows
 * @param columnWeights relative widths of the grid columns
 * @param plots the plots
 * @param note a message instead of plots (no data yet), or null
 * @param step the last step the gauge shows, or -1
 */
public record GaugeView(
    String instrument,
    String title,
    InstrumentGroup group,
    double[] rowWeights,
    double[] columnWeights,
    List<PlotView> plots,
    String note,
    int step) {

  /** Validates and copies. */
  public GaugeView {
    if (instrument == null || title == null || group == null) {
      throw new IllegalArgumentException("A gauge view needs an instrument name, title and group");
    }
    rowWeights = rowWeights.clone();
    columnWeights = columnWeights.clone();
    plots = List.copyOf(plots);
    for (PlotView plot : plots) {
      Cell cell = plot.cell();
      if (cell.row() + cell.rowSpan() > rowWeights.length
          || cell.column() + cell.columnSpan() > columnWeights.length) {
        throw new IllegalArgumentException(
            "Plot '"
                + plot.title()
                + "' at "
                + cell
                + " lies outside the gauge's "
                + rowWeights.length
                + " x "
                + columnWeights.length
                + " grid");
      }
    }
    if (plots.isEmpty() && note == null) {
      throw new IllegalArgumentException("A gauge view without plots needs a note");
    }
  }

  /** A gauge with one plot. */
  public static GaugeView single(Instrument instrument, PlotView plot, int step) {
    return new GaugeView(
        instrument.name(),
        instrument.title(),
        instrument.group(),
        new double[] {1},
        new double[] {1},
        List.of(plot),
        null,
        step);
  }

  /** A gauge that shows {@code reason} (e.g. "no data yet") instead of plots. */
  public static GaugeView noData(Instrument instrument, String reason) {
    return new GaugeView(
        instrument.name(),
        instrument.title(),
        instrument.group(),
        new double[] {1},
        new double[] {1},
        List.of(),
        reason,
        -1);
  }

  /** Whether this view shows a note instead of data. */
  public boolean hasNoData() {
    return note != null;
  }

  /** A copy of the row weights. */
  @Override
  public double[] rowWeights() {
    return rowWeights.clone();
  }

  /** A copy of the column weights. */
  @Override
  public double[] columnWeights() {
    return columnWeights.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GaugeView that
        && instrument.equals(that.instrument)
        && title.equals(that.title)
        && group == that.group
        && Arrays.equals(rowWeights, that.rowWeights)
        && Arrays.equals(columnWeights, that.columnWeights)
        && plots.equals(that.plots)
        && java.util.Objects.equals(note, that.note)
        && step == that.step;
  }

  @Override
  public int hashCode() {
    return instrument.hashCode() * 31 + step;
  }

  @Override
  public String toString() {
    return "GaugeView[" + instrument + ", " + (note != null ? note : plots.size() + " plots") + "]";
  }
}
