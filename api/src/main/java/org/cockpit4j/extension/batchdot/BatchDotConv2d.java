package org.cockpit4j.extension.batchdot;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.BatchDot;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.tensor.Tensor;

/** Conv2d: Gram matrices of the (shared, transient) per-sample weight and bias gradients. */
public final class BatchDotConv2d extends BackwardRuleBase<Conv2d> {

  /** The rule. */
  public BatchDotConv2d() {
    super(BatchDot.NAME, Conv2d.class);
  }

  @Override
  public void apply(Conv2d layer, LayerStep step) {
    int batch = step.batchSize();
    Tensor weights = SharedTerms.conv2dPerSampleWeightGradients(step, layer).reshape(batch, -1);
    step.emit(layer.weight(), weights.matmul(weights, false, true));
    if (layer.hasBias()) {
      Tensor biases = SharedTerms.conv2dPerSampleBiasGradients(step);
      step.emit(layer.bias(), biases.matmul(biases, false, true));
    }
  }
}
