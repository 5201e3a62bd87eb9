package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * {@code y = x}. Returns a view of the input (a distinct tensor sharing its buffer), so that
 * closing the output never closes the caller's input.
 */
public final class Identity implements Layer {

  @Override
  public String type() {
    return "identity";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public Shape outputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public Tensor forward(Tensor input) {
    return input.reshape(input.shape());
  }

  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    return inputGradientNeeded ? outputGradient.reshape(outputGradient.shape()) : null;
  }

  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    return outputSpaceStack.reshape(outputSpaceStack.shape());
  }
}
