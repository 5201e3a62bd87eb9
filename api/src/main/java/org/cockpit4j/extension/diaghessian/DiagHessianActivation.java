package org.cockpit4j.extension.diaghessian;

import org.cockpit4j.derivatives.ActivationDerivatives;
import org.cockpit4j.derivatives.ResidualFactors;
import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.DiagHessian;
import org.cockpit4j.extension.Factor;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.nn.Activation;

/**
 * Any {@link Activation}: for a curved one (sigmoid, tanh, ...: {@code isPiecewiseLinear()} false)
 * adds the residual {@code diag(f''(x) ⊙ δ)} as two signed factors in the input space; a
 * piecewise-linear one (ReLU, LeakyReLU) adds nothing.
 */
public final class DiagHessianActivation extends BackwardRuleBase<Activation> {

  /** The rule. */
  public DiagHessianActivation() {
    super(DiagHessian.NAME, Activation.class);
  }

  @Override
  public void apply(Activation layer, LayerStep step) {
    if (layer.isPiecewiseLinear()) {
      return;
    }
    ResidualFactors residual =
        ActivationDerivatives.residualFactors(
            ActivationDerivatives.residual(layer, step.outputGradient()));
    step.addInputFactor(new Factor(residual.positive(), 1.0));
    step.addInputFactor(new Factor(residual.negative(), -1.0));
  }
}
