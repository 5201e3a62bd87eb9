package org.cockpit4j.extension.batchgrad;

import org.cockpit4j.derivatives.LinearDerivatives;
import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.BatchGrad;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.tensor.Tensor;

/** Linear: weight {@code G_n = δ_n x_nᵀ [N, O, I]}, bias {@code δ_n [N, O]}. */
public final class BatchGradLinear extends BackwardRuleBase<Linear> {

  /** The rule. */
  public BatchGradLinear() {
    super(BatchGrad.NAME, Linear.class);
  }

  @Override
  public void apply(Linear layer, LayerStep step) {
    Tensor delta = step.outputGradient();
    step.emit(layer.weight(), LinearDerivatives.perSampleWeightGradients(delta, layer.lastInput()));
    if (layer.hasBias()) {
      step.emit(layer.bias(), delta);
    }
  }
}
