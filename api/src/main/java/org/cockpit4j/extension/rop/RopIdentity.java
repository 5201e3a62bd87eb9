package org.cockpit4j.extension.rop;

import org.cockpit4j.derivatives.JacobianProducts;
import org.cockpit4j.nn.Identity;
import org.cockpit4j.tensor.Tensor;

/** Identity: the direction itself. */
public final class RopIdentity extends LinearMapRop<Identity> {

  /** The rule. */
  public RopIdentity() {
    super(Identity.class);
  }

  @Override
  protected Tensor jacobianProduct(Identity layer, Tensor inputDirection) {
    return JacobianProducts.identity(layer, inputDirection);
  }
}
