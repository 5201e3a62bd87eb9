package org.cockpit4j.nn;

import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.Shape;

/** Shape rules shared by the pooling layers. */
final class PoolingShapes {
  private PoolingShapes() {}

  /** PyTorch's rule: padding at most half the kernel, so that every window sees real input. */
  static void requireHalfKernelPadding(ConvGeometry geometry, String type) {
    if (2 * geometry.paddingHeight() > geometry.kernelHeight()
        || 2 * geometry.paddingWidth() > geometry.kernelWidth()) {
      throw new IllegalArgumentException(
          type
              + " padding "
              + geometry.paddingHeight()
              + "x"
              + geometry.paddingWidth()
              + " exceeds half the kernel "
              + geometry.kernelHeight()
              + "x"
              + geometry.kernelWidth()
              + "; use padding of at most half the kernel size");
    }
  }

  /** {@code [C, Ho, Wo]} for {@code [C, H, W]}, failing with a message naming the layer. */
  static Shape outputShape(Shape inputShape, ConvGeometry geometry, String description) {
    if (inputShape.rank() != 3) {
      throw new IllegalArgumentException(
          description
              + " expects a per-sample input of shape [C, H, W], got "
              + inputShape
              + "; pool only the outputs of convolutions (before flatten)");
    }
    try {
      return Shape.of(
          inputShape.dim(0),
          geometry.outputHeight(inputShape.dim(1)),
          geometry.outputWidth(inputShape.dim(2)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          description
              + " cannot pool an input of shape "
              + inputShape
              + " ("
              + e.getMessage()
              + "); use a smaller kernel or a larger input",
          e);
    }
  }

  /** Human-readable description such as {@code maxpool2d(kernel=3x3, stride=2x2, padding=1x1)}. */
  static String describe(String type, ConvGeometry geometry) {
    return type
        + "(kernel="
        + geometry.kernelHeight()
        + "x"
        + geometry.kernelWidth()
        + ", stride="
        + geometry.strideHeight()
        + "x"
        + geometry.strideWidth()
        + ", padding="
        + geometry.paddingHeight()
        + "x"
        + geometry.paddingWidth()
        + ")";
  }
}
