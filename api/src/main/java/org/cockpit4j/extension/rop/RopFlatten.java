package org.cockpit4j.extension.rop;

import org.cockpit4j.derivatives.JacobianProducts;
import org.cockpit4j.nn.Flatten;
import org.cockpit4j.tensor.Tensor;

/** Flatten: reshapes the direction. */
public final class RopFlatten extends LinearMapRop<Flatten> {

  /** The rule. */
  public RopFlatten() {
    super(Flatten.class);
  }

  @Override
  protected Tensor jacobianProduct(Flatten layer, Tensor inputDirection) {
    return JacobianProducts.flatten(layer, inputDirection);
  }
}
