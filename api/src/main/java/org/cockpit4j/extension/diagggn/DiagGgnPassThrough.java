package org.cockpit4j.extension.diagggn;

import org.cockpit4j.extension.BackwardRuleBase;
import org.cockpit4j.extension.LayerStep;
import org.cockpit4j.nn.Layer;

/**
 * A parameter-free layer whose own curvature the GGN ignores (activations, pooling, flatten,
 * dropout, identity): nothing to emit, the engine propagates the factors with the layer's
 * transposed Jacobian. Registering it for a layer class declares exactly that.
 *
 * @param <L> the layer class
 */
public final class DiagGgnPassThrough<L extends Layer> extends BackwardRuleBase<L> {

  /** The rule for ({@code extensionName}, {@code layerClass}). */
  public DiagGgnPassThrough(String extensionName, Class<L> layerClass) {
    super(extensionName, layerClass);
  }

  @Override
  public void apply(L layer, LayerStep step) {}
}
