package org.cockpit4j.train;

import java.util.List;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * A hand-written fully connected layer {@code y = x Wᵀ + b} for the trainer tests, so that they do
 * not depend on the real layers.
 */
final class FakeLinear implements Layer {
  private final Parameter weight;
  private final Parameter bias;
  private Tensor input;

  /** Takes ownership of {@code weight [out, in]} and {@code bias [out]}. */
  FakeLinear(Tensor weight, Tensor bias) {
    this.weight = new Parameter("0.weight", "weight", weight);
    this.bias = new Parameter("0.bias", "bias", bias);
  }

  @Override
  public String type() {
    return "linear";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weight, bias);
  }

  @Override
  public Shape outputShape(Shape inputShape) {
    return Shape.of(weight.shape().dim(0));
  }

  @Override
  public Tensor forward(Tensor input) {
    this.input = input;
    return input.matmul(weight.value(), false, true).add(bias.value());
  }

  @Override
  public Tensor backward(Tensor outputGradient) {
    weight.setGradient(outputGradient.matmul(input, true, false));
    bias.setGradient(outputGradient.sum(0));
    return outputGradient.matmul(weight.value());
  }
}
