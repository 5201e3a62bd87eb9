package org.cockpit4j.instruments.gauges;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.ColourMap;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.MarkColour;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.PerParameter;
import org.cockpit4j.instrument.PlotView;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * A layer-wise gauge: one line per parameter of a per-parameter quantity (GradNorm, Distance,
 * UpdateSize, HessTrace), coloured along viridis in parameter order and labelled with the
 * parameter's name, on a log axis where the values are positive.
 */
public abstract class PerParameterGauge implements Instrument {

  /** The per-parameter key. */
  protected abstract OutputKey<PerParameter> key();

  /** The y-axis label. */
  protected abstract String yLabel();

  /** Whether to use a logarithmic y-axis (non-positive values are then dropped). */
  protected boolean logScale() {
    return true;
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.LAYERWISE;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(key());
  }

  @Override
  public boolean canShow(RunData run) {
    int count = run.parameterCount(key());
    for (int i = 0; i < count; i++) {
      if (!drawn(run.parameterSeries(key(), i)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public GaugeView draw(RunData run) {
    int count = run.parameterCount(key());
    List<Mark> marks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Series values = drawn(run.parameterSeries(key(), i));
      MarkColour colour =
          MarkColour.of(ColourMap.VIRIDIS.at(count == 1 ? 0.5 : (double) i / (count - 1)));
      marks.add(
          new Mark.Line(
              run.parameterName(i), values.x(), values.values(), colour, 1.5, false, false));
      marks.add(new Mark.Points("", values.x(), values.values(), colour, 3, false));
    }
    PlotView plot =
        PlotView.of(
            "",
            GaugeParts.iterations(),
            logScale() ? Axis.log(yLabel()) : Axis.linear(yLabel()),
            null,
            marks);
    return GaugeView.single(this, plot, run.latestStep(key()));
  }

  private Series drawn(Series series) {
    return logScale() ? series.positive() : series.finite();
  }
}
