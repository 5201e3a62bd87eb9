package org.cockpit4j.instruments.gauges;

import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PerParameter;

/** Update size per parameter. */
public final class LayerwiseUpdateSizeGauge extends PerParameterGauge {
  @Override
  public String name() {
    return "layerwise-update-size";
  }

  @Override
  public String title() {
    return "Update Size per Parameter";
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  protected OutputKey<PerParameter> key() {
    return OutputKeys.UPDATE_SIZE;
  }

  @Override
  protected String yLabel() {
    return "‖Δθ‖";
  }
}
