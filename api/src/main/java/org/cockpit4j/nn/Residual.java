package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * A residual block {@code y = x + f(x)} around a branch {@code f} (usually a {@link Sequential})
 * whose output shape equals its input shape. The branch's parameters are named {@code inner.<name>}
 * (e.g. {@code inner.0.weight}), and a container adds its own prefix ({@code 2.inner.0.weight}).
 *
 * <p>Backward: {@code dx = δ + J_fᵀ δ}; the transposed Jacobian of a stack is {@code S + J_fᵀ S}.
 */
public final class Residual implements Layer {
  /** The path segment of the branch in parameter names. */
  public static final String BRANCH_NAME = "inner";

  private final Layer inner;
  private Shape lastOutputShape;

  /** A residual block around {@code inner}; takes the layer over and names its parameters. */
  public Residual(Layer inner) {
    this.inner = inner;
    for (Parameter parameter : inner.parameters()) {
      parameter.prependToName(BRANCH_NAME + ".");
    }
  }

  @Override
  public String type() {
    return "residual";
  }

  /** The branch f. */
  public Layer inner() {
    return inner;
  }

  @Override
  public List<Parameter> parameters() {
    return inner.parameters();
  }

  @Override
  public Shape outputShape(Shape inputShape) {
    Shape branchOutput;
    try {
      branchOutput = inner.outputShape(inputShape);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          BRANCH_NAME + " (" + inner.type() + "): " + e.getMessage(), e);
    }
    if (!branchOutput.equals(inputShape)) {
      throw new IllegalArgumentException(
          "residual needs a branch whose output shape equals its input shape, but the branch maps "
              + inputShape
              + " to "
              + branchOutput
              + "; change the branch so that it preserves the shape");
    }
    return inputShape;
  }

  @Override
  public Tensor forward(Tensor input) {
    outputShape(LayerState.perSampleShape(input, type()));
    Tensor branch = inner.forward(input);
    lastOutputShape = input.shape();
    return input.add(branch);
  }

  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    LayerState.requireCached(lastOutputShape, type(), "output");
    LayerState.requireGradientShape(outputGradient, lastOutputShape, type());
    Tensor branchGradient = inner.backward(outputGradient, inputGradientNeeded);
    Tensor result = inputGradientNeeded ? outputGradient.add(branchGradient) : null;
    if (branchGradient != null && branchGradient != outputGradient) {
      branchGradient.close();
    }
    return result;
  }

  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor branch = inner.inputJacobianTransposeProduct(outputSpaceStack);
      return scope.keep(outputSpaceStack.add(branch));
    }
  }

  @Override
  public void setTraining(boolean training) {
    inner.setTraining(training);
  }

  /** The branch's state. */
  @Override
  public void saveState(StateWriter state) {
    state.putState(BRANCH_NAME, inner);
  }

  @Override
  public void restoreState(StateReader state) {
    state.restoreState(BRANCH_NAME, inner);
  }
}
