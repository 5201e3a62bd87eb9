package org.cockpit4j.extension.batchdot;

import org.cockpit4j.derivatives.LinearDerivatives;
import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.BatchDot;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.tensor.Tensor;

/** Linear: weight {@code (XXᵀ) ∘ (ΔΔᵀ)}, bias {@code ΔΔᵀ} (no per-sample gradient is formed). */
public final class BatchDotLinear extends BackwardRuleBase<Linear> {

  /** The rule. */
  public BatchDotLinear() {
    super(BatchDot.NAME, Linear.class);
  }

  @Override
  public void apply(Linear layer, LayerStep step) {
    Tensor outputGradientGram = SharedTerms.linearOutputGradientGram(step);
    step.emit(
        layer.weight(), LinearDerivatives.weightGramMatrix(outputGradientGram, layer.lastInput()));
    if (layer.hasBias()) {
      step.emit(layer.bias(), outputGradientGram);
    }
  }
}
