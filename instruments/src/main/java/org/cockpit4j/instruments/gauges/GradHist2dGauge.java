package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Cell;
import org.cockpit4j.instrument.Colour;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Histogram2d;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;

/**
 * The latest gradient/parameter element histogram: a heat map of log10(count + 1) with parameter
 * values across and gradient values down (transparent to blue), grey lines through the centre, and
 * the marginals: counts per parameter bin on top (log counts), per gradient bin on the right
 * (horizontal bars, log counts).
 */
public final class GradHist2dGauge implements Instrument {
  @Override
  public String name() {
    return "grad-hist-2d";
  }

  @Override
  public String title() {
    return "Gradient/Parameter Element Histogram";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.GRADIENTS;
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.GRAD_HIST_2D);
  }

  @Override
  public GaugeView draw(RunData run) {
    Histogram2d hist = run.latest(OutputKeys.GRAD_HIST_2D).orElseThrow();
    double[] gradientEdges = hist.gradientEdges();
    double[] parameterEdges = hist.parameterEdges();
    PlotView main = heatMap(hist, "", true).at(Cell.at(1, 0));
    PlotView top =
        new PlotView(
            Cell.at(0, 0),
            "",
            Axis.linear("").range(parameterEdges[0], parameterEdges[parameterEdges.length - 1]),
            Axis.log(""),
            null,
            List.of(
                new Mark.Bars(
                    "",
                    GaugeParts.centres(parameterEdges),
                    hist.parameterMarginal(),
                    parameterEdges[1] - parameterEdges[0],
                    Colour.PRIMARY,
                    false,
                    false)),
            null);
    PlotView right =
        new PlotView(
            Cell.at(1, 1),
            "",
            Axis.log(""),
            Axis.linear("")
                .range(gradientEdges[0], gradientEdges[gradientEdges.length - 1])
                .invert(),
            null,
            List.of(
                new Mark.Bars(
                    "",
                    GaugeParts.centres(gradientEdges),
                    hist.gradientMarginal(),
                    gradientEdges[1] - gradientEdges[0],
                    Colour.PRIMARY,
                    true,
                    false)),
            null);
    return new GaugeView(
        name(),
        title(),
        group(),
        new double[] {1, 3},
        new double[] {3, 1},
        List.of(main, top, right),
        null,
        run.latestStep(OutputKeys.GRAD_HIST_2D));
  }

  /**
   * The heat map plot of {@code hist}: x = parameter element value, y = gradient element value
   * (downwards), colour = log10(count + 1).
   */
  public static PlotView heatMap(Histogram2d hist, String title, boolean labels) {
    double[][] counts = hist.counts();
    double[] gradientEdges = hist.gradientEdges();
    double[] parameterEdges = hist.parameterEdges();
    double[][] values = new double[parameterEdges.length - 1][gradientEdges.length - 1];
    for (int g = 0; g < counts.length; g++) {
      for (int p = 0; p < counts[g].length; p++) {
        values[p][g] = Math.log10(counts[g][p] + 1);
      }
    }
    double xMiddle = 0.5 * (parameterEdges[0] + parameterEdges[parameterEdges.length - 1]);
    double yMiddle = 0.5 * (gradientEdges[0] + gradientEdges[gradientEdges.length - 1]);
    return new PlotView(
        Cell.WHOLE,
        title,
        Axis.linear(labels ? "Parameter Element Value" : "")
            .range(parameterEdges[0], parameterEdges[parameterEdges.length - 1]),
        Axis.linear(labels ? "Gradient Element Value" : "")
            .range(gradientEdges[0], gradientEdges[gradientEdges.length - 1])
            .invert(),
        null,
        List.of(
            new Mark.HeatMap(parameterEdges, gradientEdges, values, Colour.PRIMARY),
            new Mark.Rule(false, xMiddle, Colour.GREY, 1, false),
            new Mark.Rule(true, yMiddle, Colour.GREY, 1, false)),
        null);
  }
}
