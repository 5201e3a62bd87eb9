package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.backend.ConvolutionShape;
import org.cockpit4j.tensor.Tensor;

/** im2col, col2im (im2col.cl) and the max-pooling arg-max (pooling.cl) for NCHW tensors. */
final class Convolution {
  private Convolution() {}

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
    ConvolutionShape shape = ConvolutionShape.ofImage("im2col", x.shape(), geometry);
    Tensor out = backend.allocate(shape.columnsShape(), x.dtype());
    return run(backend, KernelFamily.IM2COL, "im2col", x, out, shape, geometry);
  }

  static Tensor col2im(
      OpenClBackend backend, Tensor columns, ConvGeometry geometry, int height, int width) {
    ConvolutionShape shape = ConvolutionShape.ofColumns(columns.shape(), geometry, height, width);
    Tensor out = backend.allocate(shape.imageShape(), columns.dtype());
    return run(backend, KernelFamily.IM2COL, "col2im", columns, out, shape, geometry);
  }

  static Tensor maxPoolIndices(OpenClBackend backend, Tensor x, ConvGeometry geometry) {
    ConvolutionShape shape = ConvolutionShape.ofImage("maxPoolIndices", x.shape(), geometry);
    Tensor out = backend.allocate(shape.pooledShape(), x.dtype());
    return run(backend, KernelFamily.POOLING, "max_pool_indices", x, out, shape, geometry);
  }

  /** Launches one of the window kernels, which share their arguments, over {@code out}. */
  private static Tensor run(
      OpenClBackend backend,
      KernelFamily family,
      String kernel,
      Tensor in,
      Tensor out,
      ConvolutionShape shape,
      ConvGeometry geometry) {
    backend
        .launch(family, in.dtype(), kernel)
        .tensor(in)
        .tensor(out)
        .integer(shape.planes())
        .integer(shape.height())
        .integer(shape.width())
        .integer(shape.outputHeight())
        .integer(shape.outputWidth())
        .vector8(lanes(geometry))
        .run1d(out.size());
    return out;
  }
}
