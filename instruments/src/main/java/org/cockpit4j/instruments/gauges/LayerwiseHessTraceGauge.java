package org.cockpit4j.instruments.gauges;

import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PerParameter;

/** Hessian trace per parameter (linear axis: traces can be negative). */
public final class LayerwiseHessTraceGauge extends PerParameterGauge {
  @Override
  public String name() {
    return "layerwise-hess-trace";
  }

  @Override
  public String title() {
    return "Hessian Trace per Parameter";
  }

  @Override
  public int order() {
    return 3;
  }

  @Override
  protected OutputKey<PerParameter> key() {
    return OutputKeys.HESS_TRACE;
  }

  @Override
  protected String yLabel() {
    return "Trace";
  }

  @Override
  protected boolean logScale() {
    return false;
  }
}
