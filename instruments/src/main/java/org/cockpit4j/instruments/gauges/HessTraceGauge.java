package org.cockpit4j.instruments.gauges;

import java.util.List;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PerParameter;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/** The Hessian trace: the sum of HessTrace's per-parameter traces, scatter + EMA. */
public final class HessTraceGauge extends TimeSeriesGauge {
  @Override
  public String name() {
    return "hess-trace";
  }

  @Override
  public String title() {
    return "Trace";
  }

  @Override
  public InstrumentGroup group() {
    return InstrumentGroup.CURVATURE;
  }

  @Override
  public int order() {
    return 1;
  }

  @Override
  public List<OutputKey<?>> requires() {
    return List.of(OutputKeys.HESS_TRACE);
  }

  @Override
  protected Series series(RunData run) {
    return run.series(OutputKeys.HESS_TRACE, PerParameter::sum);
  }

  @Override
  protected String yLabel() {
    return "Trace";
  }
}
