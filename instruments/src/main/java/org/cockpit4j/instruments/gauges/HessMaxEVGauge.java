package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/** The Hessian's largest-magnitude eigenvalue (HessMaxEV) on a log axis, scatter + EMA. */
public final class HessMaxEVGauge extends TimeSeriesGauge {
  @Override
  public String name() {
    return "hess-max-ev";
  }

  @Override
  public String title() {
    return "Max Eigenvalue";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.CURVATURE;
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.HESS_MAX_EV);
  }

  @Override
  protected Series series(RunData run) {
    return run.series(OutputKeys.HESS_MAX_EV);
  }

  @Override
  protected String yLabel() {
    return "Max Eigenvalue";
  }

  @Override
  protected boolean logScale() {
    return true;
  }
}
