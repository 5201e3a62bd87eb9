package org.cockpit4j.extension.batchgrad;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.BatchGrad;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.tensor.Tensor;

/**
 * Conv2d: weight {@code G_n = δ_n X_nᵀ} on the unfolded input, {@code [N, O, C, kH, kW]}; bias
 * {@code Σ_P δ_n[o, P] [N, O]}.
 */
public final class BatchGradConv2d extends BackwardRuleBase<Conv2d> {

  /** The rule. */
  public BatchGradConv2d() {
    super(BatchGrad.NAME, Conv2d.class);
  }

  @Override
  public void apply(Conv2d layer, LayerStep step) {
    Tensor perSample = SharedTerms.conv2dPerSampleWeightGradients(step, layer);
    step.emit(layer.weight(), perSample.reshape(layer.weight().shape().prepend(step.batchSize())));
    if (layer.hasBias()) {
      step.emit(layer.bias(), SharedTerms.conv2dPerSampleBiasGradients(step));
    }
  }
}
