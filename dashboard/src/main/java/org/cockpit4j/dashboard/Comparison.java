package org.cockpit4j.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Colour;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.MarkColour;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;
import org.cockpit4j.instruments.gauges.GaugeParts;

/**
 * Runs side by side: the mini-batch loss (EMA lines) and α (points and EMA) of every run on shared
 * axes, one colour per run, labelled with the run's name and learning rate — e.g. a learning-rate
 * sweep, where α moves from −1 (too small) through 0 to above +1 (too large).
 */
final class Comparison {
  private static final Colour[] COLOURS = {
    Colour.PRIMARY,
    Colour.SECONDARY,
    Colour.TERTIARY,
    Colour.rgb(0.77, 0.31, 0.32),
    Colour.rgb(0.51, 0.45, 0.70),
    Colour.rgb(0.58, 0.47, 0.38),
    Colour.rgb(0.85, 0.55, 0.75),
    Colour.rgb(0.55, 0.55, 0.55)
  };

  private Comparison() {}

  static List<GaugeView> views(List<RunData> runs) {
    List<Mark> loss = new ArrayList<>();
    List<Mark> alpha = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunData run = runs.get(i);
      Colour colour = COLOURS[i % COLOURS.length];
      String label = label(run);
      Series losses = run.series(OutputKeys.LOSS);
      if (!losses.finite().isEmpty()) {
        Series ema = losses.ema(GaugeParts.EMA_ALPHA);
        loss.add(
            new Mark.Line(label, ema.x(), ema.values(), MarkColour.of(colour), 2, false, false));
      }
      Series alphas = run.series(OutputKeys.ALPHA);
      Series finite = alphas.finite();
      if (!finite.isEmpty()) {
        alpha.add(
            new Mark.Points(
                label,
                finite.x(),
                finite.values(),
                MarkColour.of(colour.withAlpha(0.6)),
                4,
                false));
        Series ema = alphas.ema(GaugeParts.EMA_ALPHA);
        alpha.add(new Mark.Line("", ema.x(), ema.values(), MarkColour.of(colour), 2, false, false));
      }
    }
    List<Mark> alphaMarks = new ArrayList<>();
    alphaMarks.add(new Mark.Rule(true, 0, Colour.GREY, 1, false));
    alphaMarks.add(new Mark.Rule(true, -1, Colour.GREY, 1, true));
    alphaMarks.add(new Mark.Rule(true, 1, Colour.GREY, 1, true));
    alphaMarks.addAll(alpha);
    return List.of(
        view(
            "compare-loss",
            "Loss across runs",
            InstrumentGroup.PERFORMANCE,
            loss,
            Axis.linear("Mini-batch loss (EMA)")),
        view(
            "compare-alpha",
            "α across runs",
            InstrumentGroup.STEP_SIZE,
            alpha.isEmpty() ? alpha : alphaMarks,
            Axis.linear("Local step length α")));
  }

  private static GaugeView view(
      String name, String title, InstrumentGroup group, List<Mark> marks, Axis y) {
    if (marks.isEmpty()) {
      return new GaugeView(
          name, title, group, new double[] {1}, new double[] {1}, List.of(), "no data yet", -1);
    }
    PlotView plot = PlotView.of("", GaugeParts.iterations(), y, null, marks);
    return new GaugeView(
        name, title, group, new double[] {1}, new double[] {1}, List.of(plot), null, -1);
  }

  /** The run's name, with its learning rate when known. */
  static String label(RunData run) {
    double rate = run.learningRate(Math.max(0, run.lastStep()));
    return Double.isFinite(rate)
        ? run.name() + " (lr " + GaugeParts.scientific(rate) + ")"
        : run.name();
  }
}
