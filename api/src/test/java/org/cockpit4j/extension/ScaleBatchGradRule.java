package org.cockpit4j.extension;

/** A plugin-style rule: batch_grad of {@link ScaleLayer}, {@code G_n = δ_n ⊙ x_n}. */
public final class ScaleBatchGradRule extends BackwardRuleBase<ScaleLayer> {

  /** The rule. */
  public ScaleBatchGradRule() {
    super(BatchGrad.NAME, ScaleLayer.class);
  }

  @Override
  public void apply(ScaleLayer layer, LayerStep step) {
    step.emit(layer.weight(), step.outputGradient().multiply(layer.lastInput()));
  }
}
