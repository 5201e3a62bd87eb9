package org.cockpit4j.instruments.gauges;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Colour;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * The performance plot: mini-batch loss (scatter + EMA), train and validation loss as lines when
 * logged, and train and validation accuracy on a twin axis [0, 1] with their last values as
 * percentages in the legend.
 */
public final class PerformanceGauge implements Instrument {
  @Override
  public String name() {
    return "performance";
  }

  @Override
  public String title() {
    return "Performance Plot";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.PERFORMANCE;
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.LOSS);
  }

  @Override
  public boolean canShow(RunData run) {
    for (OutputKey<Double> key :
        List.of(
            OutputKeys.LOSS,
            OutputKeys.TRAIN_LOSS,
            OutputKeys.VALID_LOSS,
            OutputKeys.TRAIN_ACCURACY,
            OutputKeys.VALID_ACCURACY)) {
      if (!run.series(key).finite().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public GaugeView draw(RunData run) {
    List<Mark> marks = new ArrayList<>();
    Series loss = run.series(OutputKeys.LOSS);
    if (!loss.finite().isEmpty()) {
      marks.addAll(GaugeParts.scatterWithEma(loss, "Mini-batch loss", false));
    }
    Series trainLoss = run.series(OutputKeys.TRAIN_LOSS);
    if (!trainLoss.finite().isEmpty()) {
      marks.add(GaugeParts.line("Train loss", trainLoss, Colour.PRIMARY, false));
    }
    Series validLoss = run.series(OutputKeys.VALID_LOSS);
    if (!validLoss.finite().isEmpty()) {
      marks.add(GaugeParts.line("Valid loss", validLoss, Colour.SECONDARY, false));
    }
    Series trainAccuracy = run.series(OutputKeys.TRAIN_ACCURACY).finite();
    Series validAccuracy = run.series(OutputKeys.VALID_ACCURACY).finite();
    boolean accuracy = !trainAccuracy.isEmpty() || !validAccuracy.isEmpty();
    if (!trainAccuracy.isEmpty()) {
      marks.add(
          dashed(
              GaugeParts.line(
                  "Train accuracy: " + percent(trainAccuracy.lastValue()),
                  trainAccuracy,
                  Colour.PRIMARY,
                  true)));
    }
    if (!validAccuracy.isEmpty()) {
      marks.add(
          dashed(
              GaugeParts.line(
                  "Valid accuracy: " + percent(validAccuracy.lastValue()),
                  validAccuracy,
                  Colour.SECONDARY,
                  true)));
    }
    boolean lossAxis = marks.stream().anyMatch(mark -> !isSecondary(mark));
    PlotView plot =
        PlotView.of(
            "",
            GaugeParts.iterations(),
            lossAxis ? Axis.linear("Loss") : Axis.linear("Accuracy").range(0, 1),
            lossAxis && accuracy ? Axis.linear("Accuracy").range(0, 1) : null,
            lossAxis ? marks : marks.stream().map(PerformanceGauge::primary).toList());
    return GaugeView.single(this, plot, run.lastStep());
  }

  private static boolean isSecondary(Mark mark) {
    return mark instanceof Mark.Line line && line.secondary();
  }

  private static Mark primary(Mark mark) {
    if (mark instanceof Mark.Line line) {
      return new Mark.Line(
          line.label(), line.x(), line.y(), line.colour(), line.width(), line.dashed(), false);
    }
    return mark;
  }

  private static Mark.Line dashed(Mark.Line line) {
    return new Mark.Line(
        line.label(), line.x(), line.y(), line.colour(), line.width(), true, line.secondary());
  }

  private static String percent(double fraction) {
    return String.format(java.util.Locale.ROOT, "%.2f%%", 100 * fraction);
  }
}
