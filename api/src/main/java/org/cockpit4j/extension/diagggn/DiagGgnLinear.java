package org.cockpit4j.extension.diagggn;

import org.cockpit4j.derivatives.LinearDerivatives;
import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.CurvatureDiagonals;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.extension.SharedTerms;
import org.cockpit4j.nn.Linear;

/**
 * Linear: {@code diag W[o,i] = Σ_n T[n,o] x[n,i]²}, {@code diag b[o] = Σ_n T[n,o]} with {@code T =
 * Σ_v S[v]²}. One class for the exact and the Monte-Carlo GGN (they differ only in the factor).
 */
public final class DiagGgnLinear extends BackwardRuleBase<Linear> {

  /** The rule for {@code extensionName} ({@code diag_ggn_exact} or {@code diag_ggn_mc}). */
  public DiagGgnLinear(String extensionName) {
    super(extensionName, Linear.class);
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
