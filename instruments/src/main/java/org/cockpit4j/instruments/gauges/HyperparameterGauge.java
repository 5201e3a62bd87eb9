package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Colour;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * The learning rate over iterations (orange line) with the legend "Learning Rate: (x.xE±yy)" (the
 * last value); the value comes from {@code learning_rate} entries ({@code Cockpit.record}).
 */
public final class HyperparameterGauge implements Instrument {
  @Override
  public String name() {
    return "hyperparameters";
  }

  @Override
  public String title() {
    return "Hyperparameters";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.HYPERPARAMETERS;
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.LEARNING_RATE);
  }

  @Override
  public GaugeView draw(RunData run) {
    Series rate = run.series(OutputKeys.LEARNING_RATE).finite();
    String label = "Learning Rate: (" + GaugeParts.scientific(rate.lastValue()) + ")";
    PlotView plot =
        PlotView.of(
            "",
            GaugeParts.iterations(),
            Axis.linear("Learning Rate"),
            null,
            List.of(GaugeParts.line(label, rate, Colour.SECONDARY, false)));
    return GaugeView.single(this, plot, rate.step(rate.size() - 1));
  }
}
