package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Colour;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Histogram1d;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;

/**
 * The latest histogram of per-sample gradient elements: bars at bin mid-points with the bin width,
 * logarithmic counts. Elements outside the range were clamped into the outer bins, so tall outer
 * bars mean the range is too narrow for the gradients (see the diagnosis).
 */
public final class GradHist1dGauge implements Instrument {
  @Override
  public String name() {
    return "grad-hist-1d";
  }

  @Override
  public String title() {
    return "Gradient Element Histogram";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.GRADIENTS;
  }

  @Override
  public int order() {
    return 1;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.GRAD_HIST_1D);
  }

  @Override
  public GaugeView draw(RunData run) {
    Histogram1d hist = run.latest(OutputKeys.GRAD_HIST_1D).orElseThrow();
    double[] edges = hist.edges();
    PlotView plot =
        PlotView.of(
            "",
            Axis.linear("Gradient Element Value").range(edges[0], edges[edges.length - 1]),
            Axis.log("Frequency"),
            null,
            List.of(
                new Mark.Bars(
                    "",
                    GaugeParts.centres(edges),
                    hist.counts(),
                    edges[1] - edges[0],
                    Colour.SECONDARY,
                    false,
                    false)));
    return GaugeView.single(this, plot, run.latestStep(OutputKeys.GRAD_HIST_1D));
  }
}
