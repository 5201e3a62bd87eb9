package org.cockpit4j.extension.rop;

import org.cockpit4j.derivatives.JacobianProducts;
import org.cockpit4j.nn.MaxPool2d;
import org.cockpit4j.tensor.Tensor;

/** Max pooling: gathers the direction at the cached arg-max positions. */
public final class RopMaxPool2d extends LinearMapRop<MaxPool2d> {

  /** The rule. */
  public RopMaxPool2d() {
    super(MaxPool2d.class);
  }

  @Override
  protected Tensor jacobianProduct(MaxPool2d layer, Tensor inputDirection) {
    return JacobianProducts.maxPool2d(layer, inputDirection);
  }
}
