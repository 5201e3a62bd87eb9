package org.cockpit4j.extension;

import java.util.List;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * A layer the built-in rules do not know (as a plugin would add one): {@code y = x ⊙ w} with a
 * parameter {@code w [F]}, for {@code [N, F]} inputs.
 */
public final class ScaleLayer implements Layer {
  private final Parameter weight;
  private Tensor lastInput;

  /** A scale layer over {@code features} features. */
  public ScaleLayer(Initializer init, int features) {
    this.weight = new Parameter("weight", "weight", init.uniform(Shape.of(features), 1.0));
  }

  @Override
  public String type() {
    return "scale";
  }

  /** The scale parameter. */
  public Parameter weight() {
    return weight;
  }

  /** The input of the last forward pass. */
  public Tensor lastInput() {
    return lastInput;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weight);
  }

  @Override
  public Shape outputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public Tensor forward(Tensor input) {
    lastInput = input;
    return input.multiply(weight.value());
  }

  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    weight.setGradient(outputGradient.multiply(lastInput).sum(0));
    return inputGradientNeeded ? outputGradient.multiply(weight.value()) : null;
  }

  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    return outputSpaceStack.multiply(weight.value());
  }
}
