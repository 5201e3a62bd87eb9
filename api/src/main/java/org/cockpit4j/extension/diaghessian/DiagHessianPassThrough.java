package org.cockpit4j.extension.diaghessian;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.DiagHessian;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.nn.Layer;

/**
 * A parameter-free layer that is linear given its cached state (pooling, flatten, dropout,
 * identity): its second derivative vanishes, so it adds no residual; the engine propagates the
 * factors. Registering it for a layer class declares exactly that.
 *
 * @param <L> the layer class
 */
public final class DiagHessianPassThrough<L extends Layer> extends BackwardRuleBase<L> {

  /** The rule for {@code layerClass}. */
  public DiagHessianPassThrough(Class<L> layerClass) {
    super(DiagHessian.NAME, layerClass);
  }

  @Override
  public void apply(L layer, LayerStep step) {}
}
