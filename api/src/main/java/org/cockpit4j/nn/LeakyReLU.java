package org.cockpit4j.nn;

import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.Tensor;

/**
 * {@code torch.nn.LeakyReLU(a)}: {@code x} for x > 0, {@code a·x} otherwise; derivative 1 for x >
 * 0, else a (also at 0).
 */
public final class LeakyReLU extends Activation {
  private final double negativeSlope;

  /** A leaky ReLU with slope {@code negativeSlope} for non-positive inputs. */
  public LeakyReLU(double negativeSlope) {
    if (!Double.isFinite(negativeSlope)) {
      throw new IllegalArgumentException(
          "leaky_relu needs a finite negative_slope, got " + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
  }

  /** PyTorch's default slope 0.01. */
  public LeakyReLU() {
    this(0.01);
  }

  public double negativeSlope() {
    return negativeSlope;
  }

  @Override
  public String type() {
    return "leaky_relu";
  }

  @Override
  protected Tensor apply(Tensor input) {
    return input.unary(UnaryOp.LEAKY_RELU, negativeSlope);
  }

  @Override
  protected Tensor derivative(Tensor input, Tensor output) {
    return input.unary(UnaryOp.LEAKY_RELU_DERIVATIVE, negativeSlope);
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
