package org.cockpit4j.cockpit;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.nn.Conv2d;

/**
 * {@link PerSampleTransforms} on {@code Conv2d}: the per-sample weight gradients {@code [N, O, K]}
 * (shared with batch_dot and batch_l2 at the same layer, freed with the layer) and the per-sample
 * bias gradients.
 */
public final class PerSampleTransformsConv2d extends BackwardRuleBase<Conv2d> {

  /** The rule. */
  public PerSampleTransformsConv2d() {
    super(PerSampleTransforms.NAME, Conv2d.class);
  }

  @Override
  public void apply(Conv2d layer, LayerStep step) {
    TransformDispatch dispatch = ((PerSampleTransforms) step.extension()).dispatch();
    dispatch.run(
        new DenseGradients(
            layer.weight(), SharedTerms.conv2dPerSampleWeightGradients(step, layer)));
    if (layer.hasBias()) {
      dispatch.run(
          new DenseGradients(layer.bias(), SharedTerms.conv2dPerSampleBiasGradients(step)));
    }
  }
}
