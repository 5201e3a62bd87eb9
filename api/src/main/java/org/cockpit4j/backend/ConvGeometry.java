package org.cockpit4j.backend;

/**
 * The window geometry of a 2-D convolution or pooling over NCHW tensors, as {@code torch.nn.Conv2d}
 * defines it: output height {@code (H + 2*padH - dilH*(kH-1) - 1)/strideH + 1} (floor), likewise
 * the width.
 */
public record ConvGeometry(
    int kernelHeight,
    int kernelWidth,
    int strideHeight,
    int strideWidth,
    int paddingHeight,
    int paddingWidth,
    int dilationHeight,
    int dilationWidth) {

  /** Validates the geometry. */
  public ConvGeometry {
    if (kernelHeight <= 0 || kernelWidth <= 0) {
      throw new IllegalArgumentException(
          "kernel size must be positive, got " + kernelHeight + "x" + kernelWidth);
    }
    if (strideHeight <= 0 || strideWidth <= 0) {
      throw new IllegalArgumentException(
          "stride must be positive, got " + strideHeight + "x" + strideWidth);
    }
    if (paddingHeight < 0 || paddingWidth < 0) {
      throw new IllegalArgumentException(
          "padding must be non-negative, got " + paddingHeight + "x" + paddingWidth);
    }
    if (dilationHeight <= 0 || dilationWidth <= 0) {
      throw new IllegalArgumentException(
          "dilation must be positive, got " + dilationHeight + "x" + dilationWidth);
    }
  }

  /** A square kernel with equal stride and padding and no dilation. */
  public static ConvGeometry square(int kernel, int stride, int padding) {
    return new ConvGeometry(kernel, kernel, stride, stride, padding, padding, 1, 1);
  }

  /** Output height for an input of height {@code height}. */
  public int outputHeight(int height) {
    return outputExtent(height, kernelHeight, strideHeight, paddingHeight, dilationHeight);
  }

  /** Output width for an input of width {@code width}. */
  public int outputWidth(int width) {
    return outputExtent(width, kernelWidth, strideWidth, paddingWidth, dilationWidth);
  }

  private static int outputExtent(int size, int kernel, int stride, int padding, int dilation) {
    int span = dilation * (kernel - 1) + 1;
    int padded = size + 2 * padding;
    if (padded < span) {
      throw new IllegalArgumentException(
          "input extent "
              + size
              + " with padding "
              + padding
              + " is smaller than the kernel's span "
              + span);
    }
    return (padded - span) / stride + 1;
  }
}
