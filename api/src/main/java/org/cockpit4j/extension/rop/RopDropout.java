package org.cockpit4j.extension.rop;

import org.cockpit4j.derivatives.JacobianProducts;
import org.cockpit4j.nn.Dropout;
import org.cockpit4j.tensor.Tensor;

/** Dropout: the direction times the cached scaled mask. */
public final class RopDropout extends LinearMapRop<Dropout> {

  /** The rule. */
  public RopDropout() {
    super(Dropout.class);
  }

  @Override
  protected Tensor jacobianProduct(Dropout layer, Tensor inputDirection) {
    return JacobianProducts.dropout(layer, inputDirection);
  }
}
