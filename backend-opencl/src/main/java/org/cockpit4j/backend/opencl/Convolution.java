package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/** im2col, col2im (im2col.cl) and the max-pooling arg-max (pooling.cl) for NCHW tensors. */
final class Convolution {
  private Convolution() {}

  private static void checkImage(String what, Tensor x) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException(
          what + " needs an NCHW tensor of rank 4, got shape " + x.shape());
    }
  }

  /** The geometry as the kernels' int8: kh, kw, stride h, w, padding h, w, dilation h, w. */
  private static int[] lanes(ConvGeometry g) {
    return new int[] {
      g.kernelHeight(),
      g.kernelWidth(),
      g.strideHeight(),
      g.strideWidth(),
      g.paddingHeight(),
      g.paddingWidth(),
      g.dilationHeight(),
      g.dilationWidth()
    };
  }

  static Tensor im2col(OpenClBackend backend, Tensor x, ConvGeometry geometry) {
    checkImage("im2col", x);
    int n = x.dim(0);
    int channels = x.dim(1);
    int height = x.dim(2);
    int width = x.dim(3);
    int ho = geometry.outputHeight(height);
    int wo = geometry.outputWidth(width);
    int window = geometry.kernelHeight() * geometry.kernelWidth();
    Tensor out = backend.allocate(Shape.of(n, channels * window, ho * wo), x.dtype());
    backend
        .launch(KernelFamily.IM2COL, x.dtype(), "im2col")
        .tensor(x)
        .tensor(out)
        .integer(n * channels)
        .integer(height)
        .integer(width)
        .integer(ho)
        .integer(wo)
        .vector8(lanes(geometry))
        .run1d(out.size());
    return out;
  }

  static Tensor col2im(
      OpenClBackend backend, Tensor columns, ConvGeometry geometry, int height, int width) {
    int window = geometry.kernelHeight() * geometry.kernelWidth();
    int ho = geometry.outputHeight(height);
    int wo = geometry.outputWidth(width);
    if (columns.rank() != 3 || columns.dim(1) % window != 0 || columns.dim(2) != ho * wo) {
      throw new IllegalArgumentException(
          "col2im needs columns [N, C*"
              + window
              + ", "
              + (ho * wo)
              + "] for a "
              + height
              + "x"
              + width
              + " image and "
              + geometry
              + ", got shape "
              + columns.shape());
    }
    int n = columns.dim(0);
    int channels = columns.dim(1) / window;
    Tensor out = backend.allocate(Shape.of(n, channels, height, width), columns.dtype());
    backend
        .launch(KernelFamily.IM2COL, columns.dtype(), "col2im")
        .tensor(columns)
        .tensor(out)
        .integer(n * channels)
        .integer(height)
        .integer(width)
        .integer(ho)
        .integer(wo)
        .vector8(lanes(geometry))
        .run1d(out.size());
    return out;
  }

  static Tensor maxPoolIndices(OpenClBackend backend, Tensor x, ConvGeometry geometry) {
    checkImage("maxPoolIndices", x);
    int n = x.dim(0);
    int channels = x.dim(1);
    int height = x.dim(2);
    int width = x.dim(3);
    int ho = geometry.outputHeight(height);
    int wo = geometry.outputWidth(width);
    Tensor out = backend.allocate(Shape.of(n, channels, ho, wo), x.dtype());
    backend
        .launch(KernelFamily.POOLING, x.dtype(), "max_pool_indices")
        .tensor(x)
        .tensor(out)
        .integer(n * channels)
        .integer(height)
        .integer(width)
        .integer(ho)
        .integer(wo)
        .vector8(lanes(geometry))
        .run1d(out.size());
    return out;
  }
}
