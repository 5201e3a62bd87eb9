package org.cockpit4j.backend;

import org.cockpit4j.tensor.Shape;

/**
 * The extents of one convolution or pooling window pass over an NCHW image, as {@link
 * Backend#im2col}, {@link Backend#col2im} and {@link Backend#maxPoolIndices} see them, checked once
 * for every backend.
 *
 * @param batch {@code N}
 * @param channels {@code C}
 * @param height {@code H}
 * @param width {@code W}
 * @param outputHeight {@code Ho}, from the geometry
 * @param outputWidth {@code Wo}, from the geometry
 * @param window {@code kH * kW}, the positions of one window
 */
public record ConvolutionShape(
    int batch, int channels, int height, int width, int outputHeight, int outputWidth, int window) {

  /**
   * The extents of the image {@code x} under {@code geometry}; fails naming {@code op} when {@code
   * x} is not of rank 4 or is smaller than the window.
   */
  public static ConvolutionShape ofImage(String op, Shape x, ConvGeometry geometry) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException(op + " needs an NCHW tensor of rank 4, got shape " + x);
    }
    return new ConvolutionShape(
        x.dim(0),
        x.dim(1),
        x.dim(2),
        x.dim(3),
        geometry.outputHeight(x.dim(2)),
        geometry.outputWidth(x.dim(3)),
        geometry.kernelHeight() * geometry.kernelWidth());
  }

  /**
   * The extents behind the unfolded {@code columns} ({@code [N, C*kH*kW, Ho*Wo]}) of a {@code
   * height x width} image under {@code geometry}, as {@code col2im} folds them; fails naming the
   * expected shape otherwise.
   */
  public static ConvolutionShape ofColumns(
      Shape columns, ConvGeometry geometry, int height, int width) {
    int window = geometry.kernelHeight() * geometry.kernelWidth();
    int outputHeight = geometry.outputHeight(height);
    int outputWidth = geometry.outputWidth(width);
    int positions = outputHeight * outputWidth;
    if (columns.rank() != 3 || columns.dim(1) % window != 0 || columns.dim(2) != positions) {
      throw new IllegalArgumentException(
          "col2im needs columns [N, C*"
              + window
              + ", "
              + positions
              + "] for a "
              + height
              + "x"
              + width
              + " image and "
              + geometry
              + ", got shape "
              + columns);
    }
    return new ConvolutionShape(
        columns.dim(0), columns.dim(1) / window, height, width, outputHeight, outputWidth, window);
  }

  /** Number of {@code H x W} planes, {@code N * C}. */
  public int planes() {
    return batch * channels;
  }

  /** Window positions per plane, {@code Ho * Wo}. */
  public int positions() {
    return outputHeight * outputWidth;
  }

  /** The image's shape {@code [N, C, H, W]} (the result of col2im). */
  public Shape imageShape() {
    return Shape.of(batch, channels, height, width);
  }

  /** The unfolded shape {@code [N, C*kH*kW, Ho*Wo]} (the result of im2col). */
  public Shape columnsShape() {
    return Shape.of(batch, channels * window, positions());
  }

  /** The pooled shape {@code [N, C, Ho, Wo]} (the result of maxPoolIndices). */
  public Shape pooledShape() {
    return Shape.of(batch, channels, outputHeight, outputWidth);
  }
}
