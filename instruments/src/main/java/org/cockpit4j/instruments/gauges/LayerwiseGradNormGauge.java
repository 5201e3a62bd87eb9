package org.cockpit4j.instruments.gauges;

import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PerParameter;

/** GradNorm per parameter: a layer whose line drops to zero has vanishing gradients. */
public final class LayerwiseGradNormGauge extends PerParameterGauge {
  @Override
  public String name() {
    return "layerwise-grad-norm";
  }

  @Override
  public String title() {
    return "Gradient Norm per Parameter";
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  protected OutputKey<PerParameter> key() {
    return OutputKeys.GRAD_NORM;
  }

  @Override
  protected String yLabel() {
    return "‖g‖";
  }
}
