package org.cockpit4j.nn;

import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * {@code y = 1/(1+e^-x)}; {@code f' = y(1−y)}, {@code f'' = y(1−y)(1−2y)}, both from the cached
 * output.
 */
public final class Sigmoid extends Activation {

  @Override
  public String type() {
    return "sigmoid";
  }

  @Override
  protected Tensor apply(Tensor input) {
    return input.unary(UnaryOp.SIGMOID);
  }

  @Override
  protected Tensor derivative(Tensor input, Tensor output) {
    try (TensorScope scope = TensorScope.open()) {
      return scope.keep(output.multiply(output.negate().add(1.0)));
    }
  }

  @Override
  protected Tensor secondDerivative(Tensor input, Tensor output) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor firstDerivative = output.multiply(output.negate().add(1.0));
      return scope.keep(firstDerivative.multiply(output.multiply(-2.0).add(1.0)));
    }
  }

  @Override
  public boolean isPiecewiseLinear() {
    return false;
  }
}
