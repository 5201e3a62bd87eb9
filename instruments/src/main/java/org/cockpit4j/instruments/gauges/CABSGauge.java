package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/** The coupled adaptive batch size suggestion (CABS), scatter + EMA (secondary screen). */
public final class CABSGauge extends TimeSeriesGauge {
  @Override
  public String name() {
    return "cabs";
  }

  @Override
  public String title() {
    return "CABS";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.AUXILIARY;
  }

  @Override
  public int order() {
    return 1;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.CABS);
  }

  @Override
  protected Series series(RunData run) {
    return run.series(OutputKeys.CABS);
  }

  @Override
  protected String yLabel() {
    return "Batch size (CABS)";
  }
}
