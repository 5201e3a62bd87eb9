package org.cockpit4j.cockpit;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.nn.Linear;

/**
 * {@link PerSampleTransforms} on {@code Linear}: the weight's per-sample gradients as outer
 * products {@code δ_n x_nᵀ} ({@link OuterProductGradients}), the bias's as {@code δ}.
 */
public final class PerSampleTransformsLinear extends BackwardRuleBase<Linear> {

  /** The rule. */
  public PerSampleTransformsLinear() {
    super(PerSampleTransforms.NAME, Linear.class);
  }

  @Override
  public void apply(Linear layer, LayerStep step) {
    TransformDispatch dispatch = ((PerSampleTransforms) step.extension()).dispatch();
    dispatch.run(
        new OuterProductGradients(layer.weight(), step.outputGradient(), layer.lastInput()));
    if (layer.hasBias()) {
      dispatch.run(new DenseGradients(layer.bias(), step.outputGradient()));
    }
  }
}
