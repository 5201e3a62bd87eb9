package org.cockpit4j.nn;

import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/** {@code y = tanh(x)}; {@code f' = 1−y²}, {@code f'' = −2y(1−y²)}, both from the cached output. */
public final class Tanh extends Activation {

  @Override
  public String type() {
    return "tanh";
  }

  @Override
  protected Tensor apply(Tensor input) {
    return input.unary(UnaryOp.TANH);
  }

  @Override
  protected Tensor derivative(Tensor input, Tensor output) {
    try (TensorScope scope = TensorScope.open()) {
      return scope.keep(output.square().negate().add(1.0));
    }
  }

  @Override
  protected Tensor secondDerivative(Tensor input, Tensor output) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor firstDerivative = output.square().negate().add(1.0);
      return scope.keep(firstDerivative.multiply(output.multiply(-2.0)));
    }
  }

  @Override
  public boolean isPiecewiseLinear() {
    return false;
  }
}
