package org.cockpit4j.extension.rop;

import org.cockpit4j.derivatives.JacobianProducts;
import org.cockpit4j.nn.AvgPool2d;
import org.cockpit4j.tensor.Tensor;

/** Average pooling of the direction. */
public final class RopAvgPool2d extends LinearMapRop<AvgPool2d> {

  /** The rule. */
  public RopAvgPool2d() {
    super(AvgPool2d.class);
  }

  @Override
  protected Tensor jacobianProduct(AvgPool2d layer, Tensor inputDirection) {
    return JacobianProducts.avgPool2d(layer, inputDirection);
  }
}
