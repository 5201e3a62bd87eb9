package org.cockpit4j.extension.diagggn;

import org.cockpit4j.derivatives.Conv2dDerivatives;
import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.CurvatureDiagonals;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.nn.Conv2d;

/**
 * Conv2d: {@code diag W = Σ_{v,n} (Σ_P X_n[k,P] S[v,n,o,P])²} on the unfolded input, {@code diag
 * b[o] = Σ_{v,n} (Σ_P S[v,n,o,P])²}. Serves the exact and the Monte-Carlo GGN.
 */
public final class DiagGgnConv2d extends BackwardRuleBase<Conv2d> {

  /** The rule for {@code extensionName} ({@code diag_ggn_exact} or {@code diag_ggn_mc}). */
  public DiagGgnConv2d(String extensionName) {
    super(extensionName, Conv2d.class);
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
