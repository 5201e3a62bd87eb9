package org.cockpit4j.extension.diaghessian;

import org.cockpit4j.derivatives.Conv2dDerivatives;
import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.CurvatureDiagonals;
import org.cockpit4j.extension.DiagHessian;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.nn.Conv2d;

/** Conv2d: the convolution's factor diagonals summed over the signed factors. */
public final class DiagHessianConv2d extends BackwardRuleBase<Conv2d> {

  /** The rule. */
  public DiagHessianConv2d() {
    super(DiagHessian.NAME, Conv2d.class);
  }

  @Override
  public void apply(Conv2d layer, LayerStep step) {
    step.emit(
        layer.weight(),
        CurvatureDiagonals.signedSum(
            step, layer.weight(), stack -> Conv2dDerivatives.weightFactorDiagonal(layer, stack)));
    if (layer.hasBias()) {
      step.emit(
          layer.bias(),
          CurvatureDiagonals.signedSum(step, layer.bias(), Conv2dDerivatives::biasFactorDiagonal));
    }
  }
}
