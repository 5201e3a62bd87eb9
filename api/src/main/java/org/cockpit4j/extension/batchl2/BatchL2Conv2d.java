package org.cockpit4j.extension.batchl2;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.BatchL2Grad;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.nn.Conv2d;

/** Conv2d: squared norms of the per-sample weight and bias gradients. */
public final class BatchL2Conv2d extends BackwardRuleBase<Conv2d> {

  /** The rule. */
  public BatchL2Conv2d() {
    super(BatchL2Grad.NAME, Conv2d.class);
  }

  @Override
  public void apply(Conv2d layer, LayerStep step) {
    step.emit(
        layer.weight(), SharedTerms.conv2dPerSampleWeightGradients(step, layer).sumOfSquares(1, 2));
    if (layer.hasBias()) {
      step.emit(layer.bias(), SharedTerms.conv2dPerSampleBiasGradients(step).sumOfSquares(1));
    }
  }
}
