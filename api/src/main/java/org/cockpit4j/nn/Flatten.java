package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * {@code [N, a, b, ...] -> [N, a*b*...]} (row-major, like {@code torch.nn.Flatten()}); a view
 * sharing the input's buffer. Backward reshapes the gradient back.
 */
public final class Flatten implements Layer {
  private Shape lastInputShape;

  @Override
  public String type() {
    return "flatten";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public Shape outputShape(Shape inputShape) {
    return Shape.of(inputShape.sizeAsInt());
  }

  @Override
  public Tensor forward(Tensor input) {
    Shape perSample = LayerState.perSampleShape(input, type());
    lastInputShape = input.shape();
    return input.reshape(input.dim(0), perSample.sizeAsInt());
  }

  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    Shape inputShape = lastInputShape();
    if (outputGradient.size() != inputShape.size() || outputGradient.rank() != 2) {
      throw new IllegalArgumentException(
          "flatten produced an output of "
              + inputShape.size()
              + " elements as [N, features] in its last forward pass, but the output gradient"
              + " has shape "
              + outputGradient.shape());
    }
    return inputGradientNeeded ? outputGradient.reshape(inputShape) : null;
  }

  /** Reshapes {@code S [..., N, features]} to {@code [..., N, *perSampleInputShape]}. */
  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    Shape inputShape = lastInputShape();
    int rank = outputSpaceStack.rank();
    int[] leading = outputSpaceStack.shape().dims();
    int[] inputDims = inputShape.dims();
    int[] resultDims = new int[rank - 1 + inputDims.length - 1];
    System.arraycopy(leading, 0, resultDims, 0, rank - 1);
    System.arraycopy(inputDims, 1, resultDims, rank - 1, inputDims.length - 1);
    return outputSpaceStack.reshape(new Shape(resultDims));
  }

  /** The shape {@code [N, ...]} of the last forward pass's input. */
  public Shape lastInputShape() {
    return LayerState.requireCached(lastInputShape, type(), "input shape");
  }
}
