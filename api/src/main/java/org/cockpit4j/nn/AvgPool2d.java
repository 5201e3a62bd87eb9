package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.ops.AveragePooling2d;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * 2-D average pooling like {@code torch.nn.AvgPool2d(kernel, stride, padding)} with PyTorch's
 * defaults {@code ceil_mode=False} and {@code count_include_pad=True}: the divisor is always {@code
 * kH*kW}. Linear, so it caches only the input's spatial size.
 */
public final class AvgPool2d implements Layer {
  private final ConvGeometry geometry;
  private Tensor lastInput;
  private Shape lastInputShape;

  /** Average pooling with the given window geometry. */
  public AvgPool2d(ConvGeometry geometry) {
    if (geometry.dilationHeight() != 1 || geometry.dilationWidth() != 1) {
      throw new IllegalArgumentException(
          "avgpool2d has no dilation (like torch.nn.AvgPool2d), got "
              + geometry.dilationHeight()
              + "x"
              + geometry.dilationWidth());
    }
    PoolingShapes.requireHalfKernelPadding(geometry, "avgpool2d");
    this.geometry = geometry;
  }

  /** Square windows of side {@code kernel}, the given stride and padding. */
  public AvgPool2d(int kernel, int stride, int padding) {
    this(ConvGeometry.square(kernel, stride, padding));
  }

  /** PyTorch's default: stride equal to the kernel, no padding. */
  public AvgPool2d(int kernel) {
    this(kernel, kernel, 0);
  }

  @Override
  public String type() {
    return "avgpool2d";
  }

  /** Kernel size, stride and padding. */
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
    lastInput = input;
    lastInputShape = input.shape();
    return AveragePooling2d.forward(input, geometry);
  }

  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    Shape inputShape = lastInputShape();
    Shape expected = outputShape(inputShape.dropFirst()).prepend(inputShape.dim(0));
    LayerState.requireGradientShape(outputGradient, expected, type());
    return inputGradientNeeded ? inputJacobianTransposeProduct(outputGradient) : null;
  }

  /** Spreads each entry of {@code S [..., C, Ho, Wo]} {@code /(kH*kW)} over its window. */
  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    Shape inputShape = lastInputShape();
    return AveragePooling2d.inputJacobianTransposeProduct(
        outputSpaceStack, geometry, inputShape.dim(2), inputShape.dim(3));
  }

  /** The input {@code [N, C, H, W]} of the last forward pass. */
  public Tensor lastInput() {
    return LayerState.requireCached(lastInput, type(), "input");
  }

  /** The shape {@code [N, C, H, W]} of the last forward pass's input. */
  public Shape lastInputShape() {
    return LayerState.requireCached(lastInputShape, type(), "input shape");
  }
}
