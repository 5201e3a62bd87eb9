package org.cockpit4j.extension.rop;

import org.cockpit4j.extension.DirectionalDerivativeRule;
import org.cockpit4j.extension.ParameterTensors;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.tensor.Tensor;

/**
 * Base of the R-operator rules of parameter-free layers that are linear given their cached state
 * (pooling, flatten, dropout, identity): {@code R{y} = J R{x}} and {@code R{δ_in} = Jᵀ R{δ}} (there
 * is no second-order term). Subclasses give {@code J R{x}}.
 *
 * @param <L> the layer class
 */
public abstract class LinearMapRop<L extends Layer> implements DirectionalDerivativeRule<L> {
  private final Class<L> layerClass;

  /** A rule for {@code layerClass}. */
  protected LinearMapRop(Class<L> layerClass) {
    this.layerClass = layerClass;
  }

  @Override
  public final Class<L> layerClass() {
    return layerClass;
  }

  /** {@code J R{x}} with the cached state of the last forward pass (null for a null direction). */
  protected abstract Tensor jacobianProduct(L layer, Tensor inputDirection);

  @Override
  public final Tensor directionalForward(
      L layer, Tensor inputDirection, ParameterTensors directions) {
    return jacobianProduct(layer, inputDirection);
  }

  @Override
  public final Tensor directionalBackward(
      L layer,
      Tensor outputGradient,
      Tensor outputGradientDirection,
      Tensor inputDirection,
      ParameterTensors directions,
      ParameterTensors results,
      boolean inputGradientNeeded) {
    return inputGradientNeeded
        ? layer.inputJacobianTransposeProduct(outputGradientDirection)
        : null;
  }

  @Override
  public final void parameterJacobianTransposeProduct(
      L layer, Tensor outputSpace, ParameterTensors results) {}
}
