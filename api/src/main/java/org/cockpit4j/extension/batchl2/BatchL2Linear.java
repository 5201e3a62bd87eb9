package org.cockpit4j.extension.batchl2;

import org.cockpit4j.derivatives.LinearDerivatives;
import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.BatchL2Grad;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.nn.Linear;

/** Linear: weight {@code ‖δ_n‖²‖x_n‖²}, bias {@code ‖δ_n‖²} (no per-sample gradient is formed). */
public final class BatchL2Linear extends BackwardRuleBase<Linear> {

  /** The rule. */
  public BatchL2Linear() {
    super(BatchL2Grad.NAME, Linear.class);
  }

  @Override
  public void apply(Linear layer, LayerStep step) {
    step.emit(
        layer.weight(),
        LinearDerivatives.weightSquaredNorms(step.outputGradient(), layer.lastInput()));
    if (layer.hasBias()) {
      step.emit(layer.bias(), step.outputGradient().sumOfSquares(1));
    }
  }
}
