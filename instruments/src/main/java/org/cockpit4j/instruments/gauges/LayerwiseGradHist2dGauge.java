package org.cockpit4j.instruments.gauges;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.Cell;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Histogram2d;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;

/**
 * The secondary screen's per-parameter 2-D histograms (GradHist2d with {@code keep_individual}):
 * one heat map per parameter, on a grid that starts at 2 × 2 and alternately gains a row and a
 * column until every parameter fits.
 */
public final class LayerwiseGradHist2dGauge implements Instrument {
  @Override
  public String name() {
    return "layerwise-grad-hist-2d";
  }

  @Override
  public String title() {
    return "Gradient/Parameter Element Histogram (per parameter)";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.LAYERWISE;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.GRAD_HIST_2D);
  }

  @Override
  public boolean canShow(RunData run) {
    return run.latest(OutputKeys.GRAD_HIST_2D)
        .map(hist -> !hist.perParameter().isEmpty())
        .orElse(false);
  }

  @Override
  public GaugeView draw(RunData run) {
    List<Histogram2d> parts = run.latest(OutputKeys.GRAD_HIST_2D).orElseThrow().perParameter();
    int[] grid = grid(parts.size());
    List<PlotView> plots = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      plots.add(
          GradHist2dGauge.heatMap(parts.get(i), run.parameterName(i), false)
              .at(Cell.at(i / grid[1], i % grid[1])));
    }
    double[] rows = new double[grid[0]];
    double[] columns = new double[grid[1]];
    java.util.Arrays.fill(rows, 1);
    java.util.Arrays.fill(columns, 1);
    return new GaugeView(
        name(),
        title(),
        group(),
        rows,
        columns,
        plots,
        null,
        run.latestStep(OutputKeys.GRAD_HIST_2D));
  }

  /** Rows and columns for {@code count} plots: 2 × 2, then a row, then a column, and so on. */
  public static int[] grid(int count) {
    int rows = 2;
    int columns = 2;
    boolean addRow = true;
    while (rows * columns < count) {
      if (addRow) {
        rows++;
      } else {
        columns++;
      }
      addRow = !addRow;
    }
    return new int[] {rows, columns};
  }
}
