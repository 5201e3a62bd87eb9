package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.ops.MaxPooling2d;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * 2-D max pooling like {@code torch.nn.MaxPool2d(kernel, stride, padding)} ({@code
 * ceil_mode=False}; padding never wins a window). Forward keeps the arg-max {@link #indices} of
 * each window; backward scatter-adds the output gradient to them (overlapping windows accumulate).
 */
public final class MaxPool2d implements Layer {
  private final ConvGeometry geometry;
  private Tensor lastInput;
  private Tensor indices;
  private Tensor lastOutput;

  /** Max pooling with the given window geometry (dilation allowed). */
  public MaxPool2d(ConvGeometry geometry) {
    PoolingShapes.requireHalfKernelPadding(geometry, "maxpool2d");
    this.geometry = geometry;
  }

  /** Square windows of side {@code kernel}, the given stride and padding. */
  public MaxPool2d(int kernel, int stride, int padding) {
    this(ConvGeometry.square(kernel, stride, padding));
  }

  /** PyTorch's default: stride equal to the kernel, no padding. */
  public MaxPool2d(int kernel) {
    this(kernel, kernel, 0);
  }

  @Override
  public String type() {
    return "maxpool2d";
  }

  /** Kernel size, stride, padding and dilation. */
  public ConvGeometry geometry() {
    return geometry;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public Shape outputShape(Shape inputShape) {
    return PoolingShapes.outputShape(
        inputShape, geometry, PoolingShapes.describe(type(), geometry));
  }

  @Override
  public Tensor forward(Tensor input) {
    outputShape(LayerState.perSampleShape(input, type()));
    try (TensorScope scope = TensorScope.open()) {
      Tensor windowMaxima = MaxPooling2d.indices(input, geometry);
      Tensor output = MaxPooling2d.forward(input, windowMaxima);
      lastInput = input;
      indices = scope.keep(windowMaxima);
      lastOutput = scope.keep(output);
      return lastOutput;
    }
  }

  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    LayerState.requireGradientShape(outputGradient, lastOutput().shape(), type());
    return inputGradientNeeded ? inputJacobianTransposeProduct(outputGradient) : null;
  }

  /** Scatter-adds each entry of {@code S [..., N, C, Ho, Wo]} to its window's arg-max position. */
  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    Tensor input = lastInput();
    return MaxPooling2d.inputJacobianTransposeProduct(
        outputSpaceStack, indices, input.dim(2), input.dim(3));
  }

  /** The input {@code [N, C, H, W]} of the last forward pass. */
  public Tensor lastInput() {
    return LayerState.requireCached(lastInput, type(), "input");
  }

  /** Flat arg-max positions {@code h*W + w} per window, {@code [N, C, Ho, Wo]}, in x's dtype. */
  public Tensor indices() {
    return LayerState.requireCached(indices, type(), "pooling indices");
  }

  /** The output {@code [N, C, Ho, Wo]} of the last forward pass. */
  public Tensor lastOutput() {
    return LayerState.requireCached(lastOutput, type(), "output");
  }
}
