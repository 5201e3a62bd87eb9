package org.cockpit4j.extension.sumgradsquared;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.extension.SumGradSquared;
import org.cockpit4j.nn.Linear;

/** Linear: weight {@code (δ²)ᵀ(x²)}, bias {@code Σ_n δ_n²}. */
public final class SumGradSquaredLinear extends BackwardRuleBase<Linear> {

  /** The rule. */
  public SumGradSquaredLinear() {
    super(SumGradSquared.NAME, Linear.class);
  }

  @Override
  public void apply(Linear layer, LayerStep step) {
    step.emit(layer.weight(), SharedTerms.linearWeightSumOfSquares(step, layer));
    if (layer.hasBias()) {
      step.emit(layer.bias(), SharedTerms.linearBiasSumOfSquares(step));
    }
  }
}
