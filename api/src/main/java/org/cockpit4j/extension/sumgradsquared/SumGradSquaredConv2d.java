package org.cockpit4j.extension.sumgradsquared;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.extension.SumGradSquared;
import org.cockpit4j.nn.Conv2d;

/** Conv2d: sums of the squared per-sample weight and bias gradients. */
public final class SumGradSquaredConv2d extends BackwardRuleBase<Conv2d> {

  /** The rule. */
  public SumGradSquaredConv2d() {
    super(SumGradSquared.NAME, Conv2d.class);
  }

  @Override
  public void apply(Conv2d layer, LayerStep step) {
    step.emit(layer.weight(), SharedTerms.conv2dWeightSumOfSquares(step, layer));
    if (layer.hasBias()) {
      step.emit(layer.bias(), SharedTerms.conv2dBiasSumOfSquares(step));
    }
  }
}
