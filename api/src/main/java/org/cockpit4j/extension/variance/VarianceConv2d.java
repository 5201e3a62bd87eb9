package org.cockpit4j.extension.variance;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.nn.Conv2d;

/** Conv2d: from the shared sums of squares and the ordinary gradients. */
public final class VarianceConv2d extends BackwardRuleBase<Conv2d> {

  /** The rule. */
  public VarianceConv2d() {
    super(org.cockpit4j.extension.Variance.NAME, Conv2d.class);
  }

  @Override
  public void apply(Conv2d layer, LayerStep step) {
    int batch = step.batchSize();
    step.emit(
        layer.weight(),
        SharedTerms.variance(
            SharedTerms.conv2dWeightSumOfSquares(step, layer), layer.weight().gradient(), batch));
    if (layer.hasBias()) {
      step.emit(
          layer.bias(),
          SharedTerms.variance(
              SharedTerms.conv2dBiasSumOfSquares(step), layer.bias().gradient(), batch));
    }
  }
}
