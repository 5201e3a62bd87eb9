package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * The evidence-based early-stopping criterion (positive: stop), scatter + EMA (secondary screen).
 */
public final class EarlyStoppingGauge extends TimeSeriesGauge {
  @Override
  public String name() {
    return "early-stopping";
  }

  @Override
  public String title() {
    return "Early Stopping";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.AUXILIARY;
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.EARLY_STOPPING);
  }

  @Override
  protected Series series(RunData run) {
    return run.series(OutputKeys.EARLY_STOPPING);
  }

  @Override
  protected String yLabel() {
    return "Early stopping criterion";
  }
}
