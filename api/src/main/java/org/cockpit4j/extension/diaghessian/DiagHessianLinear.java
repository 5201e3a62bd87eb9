package org.cockpit4j.extension.diaghessian;

import org.cockpit4j.derivatives.LinearDerivatives;
import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.CurvatureDiagonals;
import org.cockpit4j.extension.DiagHessian;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.nn.Linear;

/**
 * Linear: {@code Σ_i sign_i Σ_n T_i[n,o] x[n,i]²} over the signed factors; the parameters enter the
 * output linearly, so the layer adds no residual of its own.
 */
public final class DiagHessianLinear extends BackwardRuleBase<Linear> {

  /** The rule. */
  public DiagHessianLinear() {
    super(DiagHessian.NAME, Linear.class);
  }

  @Override
  public void apply(Linear layer, LayerStep step) {
    step.emit(
        layer.weight(),
        CurvatureDiagonals.signedSum(
            step,
            layer.weight(),
            stack ->
                LinearDerivatives.weightFactorDiagonal(
                    SharedTerms.linearSquaredFactorSum(step, stack),
                    SharedTerms.linearInputSquared(step, layer))));
    if (layer.hasBias()) {
      step.emit(
          layer.bias(),
          CurvatureDiagonals.signedSum(
              step, layer.bias(), stack -> SharedTerms.linearSquaredFactorSum(step, stack).sum(0)));
    }
  }
}
