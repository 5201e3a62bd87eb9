package org.cockpit4j.instruments.gauges;

import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PerParameter;

/** Distance from the initialisation per parameter. */
public final class LayerwiseDistanceGauge extends PerParameterGauge {
  @Override
  public String name() {
    return "layerwise-distance";
  }

  @Override
  public String title() {
    return "Distance per Parameter";
  }

  @Override
  public int order() {
    return 1;
  }

  @Override
  protected OutputKey<PerParameter> key() {
    return OutputKeys.DISTANCE;
  }

  @Override
  protected String yLabel() {
    return "‖θ − θ₀‖";
  }
}
