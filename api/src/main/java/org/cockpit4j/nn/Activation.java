package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * An elementwise activation {@code y = f(x)} without parameters. Subclasses give {@code f}, its
 * derivative {@code f'} and its second derivative {@code f''} in terms of the last input and
 * output; backward multiplies the output gradient by {@code f'(x)}, and the transposed Jacobian of
 * a stack {@code [..., N, ...]} is the same product broadcast over the leading axes.
 */
public abstract class Activation implements Layer {
  private Tensor lastInput;
  private Tensor lastOutput;

  /** {@code f(x)} elementwise. */
  protected abstract Tensor apply(Tensor input);

  /** {@code f'(x)} elementwise, from the input {@code x} and the output {@code y = f(x)}. */
  protected abstract Tensor derivative(Tensor input, Tensor output);

  /** {@code f''(x)} elementwise, from the input {@code x} and the output {@code y = f(x)}. */
  protected abstract Tensor secondDerivative(Tensor input, Tensor output);

  /**
   * True when {@code f''} vanishes wherever it is defined (piecewise-linear activations), so that
   * curvature backpropagation needs no residual term for this layer.
   */
  public abstract boolean isPiecewiseLinear();

  @Override
  public final List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public final Shape outputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public final Tensor forward(Tensor input) {
    LayerState.perSampleShape(input, type());
    Tensor output = apply(input);
    lastInput = input;
    lastOutput = output;
    return output;
  }

  @Override
  public final Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    LayerState.requireGradientShape(outputGradient, lastOutput().shape(), type());
    return inputGradientNeeded ? inputJacobianTransposeProduct(outputGradient) : null;
  }

  /** {@code S ⊙ f'(x)}, broadcast over the stack's leading axes. */
  @Override
  public final Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    try (TensorScope scope = TensorScope.open()) {
      return scope.keep(outputSpaceStack.multiply(derivative()));
    }
  }

  /** {@code f'(x)} of the last forward pass, shape {@code [N, ...]} (a new tensor). */
  public final Tensor derivative() {
    return derivative(lastInput(), lastOutput());
  }

  /** {@code f''(x)} of the last forward pass, shape {@code [N, ...]} (a new tensor). */
  public final Tensor secondDerivative() {
    return secondDerivative(lastInput(), lastOutput());
  }

  /** The input of the last forward pass. */
  public final Tensor lastInput() {
    return LayerState.requireCached(lastInput, type(), "input");
  }

  /** The output of the last forward pass. */
  public final Tensor lastOutput() {
    return LayerState.requireCached(lastOutput, type(), "output");
  }
}
