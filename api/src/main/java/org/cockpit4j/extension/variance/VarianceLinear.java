package org.cockpit4j.extension.variance;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.nn.Linear;

/** Linear: from the shared sums of squares and the ordinary gradients. */
public final class VarianceLinear extends BackwardRuleBase<Linear> {

  /** The rule. */
  public VarianceLinear() {
    super(org.cockpit4j.extension.Variance.NAME, Linear.class);
  }

  @Override
  public void apply(Linear layer, LayerStep step) {
    int batch = step.batchSize();
    step.emit(
        layer.weight(),
        SharedTerms.variance(
            SharedTerms.linearWeightSumOfSquares(step, layer), layer.weight().gradient(), batch));
    if (layer.hasBias()) {
      step.emit(
          layer.bias(),
          SharedTerms.variance(
              SharedTerms.linearBiasSumOfSquares(step), layer.bias().gradient(), batch));
    }
  }
}
