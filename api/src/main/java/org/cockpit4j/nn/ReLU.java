package org.cockpit4j.nn;

import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.Tensor;

/** {@code max(x, 0)}; derivative 1 for x > 0, else 0 (also at 0, like PyTorch). */
public final class ReLU extends Activation {

  @Override
  public String type() {
    return "relu";
  }

  @Override
  protected Tensor apply(Tensor input) {
    return input.unary(UnaryOp.RELU);
  }

  @Override
  protected Tensor derivative(Tensor input, Tensor output) {
    return input.unary(UnaryOp.STEP);
  }

  @Override
  protected Tensor secondDerivative(Tensor input, Tensor output) {
    return input.backend().full(input.shape(), input.dtype(), 0.0);
  }

  @Override
  public boolean isPiecewiseLinear() {
    return true;
  }
}
