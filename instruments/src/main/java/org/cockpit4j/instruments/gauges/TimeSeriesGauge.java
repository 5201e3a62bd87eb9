package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * A gauge that plots one number per iteration as the original does: points coloured by iteration
 * and their exponential moving average (scatter + EMA), on a linear or logarithmic y-axis.
 */
public abstract class TimeSeriesGauge implements Instrument {

  /** The numbers to plot, one entry per logged step (NaN where missing). */
  protected abstract Series series(RunData run);

  /** The y-axis label. */
  protected abstract String yLabel();

  /** Whether the y-axis is logarithmic. */
  protected boolean logScale() {
    return false;
  }

  @Override
  public boolean canShow(RunData run) {
    Series series = series(run);
    return !(logScale() ? GaugeParts.onlyPositive(series) : series).finite().isEmpty();
  }

  @Override
  public GaugeView draw(RunData run) {
    Series series = series(run);
    Axis y = logScale() ? Axis.log(yLabel()) : Axis.linear(yLabel());
    PlotView plot =
        PlotView.of(
            "",
            GaugeParts.iterations(),
            y,
            null,
            GaugeParts.scatterWithEma(series, yLabel(), logScale()));
    return GaugeView.single(this, plot, series.finite().isEmpty() ? -1 : lastStep(series));
  }

  private static int lastStep(Series series) {
    Series finite = series.finite();
    return finite.step(finite.size() - 1);
  }

  @Override
  public String toString() {
    return name() + " " + List.of(group(), order());
  }
}
