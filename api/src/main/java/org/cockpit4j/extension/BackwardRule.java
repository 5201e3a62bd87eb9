package org.cockpit4j.extension;

import org.cockpit4j.nn.Layer;

/**
 * A rule run by {@link ExtendedBackward} at every layer of its class, for one extension: emits the
 * layer's parameter results and, for curvature extensions, may add factors in the layer's input
 * space. The ordinary backward of the layer has already run; factor propagation through the layer
 * ({@link Layer#inputJacobianTransposeProduct}) is done by the engine.
 *
 * @param <L> the layer class
 */
public interface BackwardRule<L extends Layer> extends ExtensionRule<L> {

  /** Computes this extension's contribution at {@code layer}. */
  void apply(L layer, LayerStep step);
}
