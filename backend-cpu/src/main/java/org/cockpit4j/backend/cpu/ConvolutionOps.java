package org.cockpit4j.backend.cpu;

import java.util.Arrays;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.backend.ConvolutionShape;
import org.cockpit4j.backend.OperandChecks;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * Convolution and pooling primitives: lazy im2col, col2im, the fused col2im of a product, and
 * max-pooling indices. Part of {@link CpuBackend}, which delegates these ops here.
 */
final class ConvolutionOps {
  private final CpuBackend backend;
  private final CpuThreads threads;
  private final Gemm gemm;

  ConvolutionOps(CpuBackend backend, CpuThreads threads, Gemm gemm) {
    this.backend = backend;
    this.threads = threads;
    this.gemm = gemm;
  }

  Tensor im2col(Tensor x, ConvGeometry geometry) {
    ConvolutionShape shape = ConvolutionShape.ofImage("im2col", x.shape(), geometry);
    CpuStorage.array(x); // fails now, not later, for a freed or foreign input
    Unfolding unfolding =
        new Unfolding((CpuStorage) x.storage(), x.shape().dims(), geometry, threads);
    // Computed only when read: the convolution products unfold member by member instead.
    return backend.wrap(CpuStorage.unfolded(unfolding), shape.columnsShape(), x.dtype());
  }

  Tensor col2im(Tensor columns, ConvGeometry geometry, int height, int width) {
    ConvolutionShape shape = ConvolutionShape.ofColumns(columns.shape(), geometry, height, width);
    Shape outShape = shape.imageShape();
    Object out = CpuBackend.allocate(columns.dtype(), outShape.sizeAsInt()); // planes zeroed below
    Object data = CpuStorage.array(columns);
    int planeIn = shape.window() * shape.positions();
    int planeOut = height * width;
    threads.parallelFor(
        shape.planes(),
        Math.max(1, CpuBackend.ELEMENTWISE_GRAIN / Math.max(1, planeIn)),
        (c, from, to) -> {
          for (int plane = from; plane < to; plane++) {
            if (out instanceof float[] o) {
              Arrays.fill(o, plane * planeOut, (plane + 1) * planeOut, 0f);
            } else {
              Arrays.fill((double[]) out, plane * planeOut, (plane + 1) * planeOut, 0.0);
            }
            if (data instanceof float[] f) {
              Convolution.col2imPlane(
                  f, plane * planeIn, geometry, height, width, (float[]) out, plane * planeOut);
            } else {
              Convolution.col2imPlane(
                  (double[]) data,
                  plane * planeIn,
                  geometry,
                  height,
                  width,
                  (double[]) out,
                  plane * planeOut);
            }
          }
        });
    return backend.wrapArray(out, outShape);
  }

  /**
   * {@inheritDoc}
   *
   * <p>For float32 stacks of at least one member per thread, each thread multiplies one member at a
   * time into a scratch that stays in cache and folds it at once; otherwise the two ops are
   * composed.
   */
  Tensor col2imOfProduct(
      Tensor weight, Tensor stack, ConvGeometry geometry, int height, int width) {
    OperandChecks.sameDtype("col2imOfProduct", weight, stack);
    int window = geometry.kernelHeight() * geometry.kernelWidth();
    boolean fusable =
        weight.dtype() == DType.FLOAT32
            && gemm.supportsLayouts()
            && weight.rank() == 2
            && stack.rank() == 3
            && stack.dim(0) >= threads.threads()
            && stack.dim(1) == weight.dim(0)
            && weight.dim(1) % window == 0
            && stack.dim(2) == geometry.outputHeight(height) * geometry.outputWidth(width);
    if (!fusable) {
      return backend.composedCol2imOfProduct(weight, stack, geometry, height, width);
    }
    int members = stack.dim(0);
    int outChannels = weight.dim(0);
    int kernelSize = weight.dim(1);
    int positions = stack.dim(2);
    int channels = kernelSize / window;
    int plane = height * width;
    float[] w = CpuStorage.floats(weight);
    float[] s = CpuStorage.floats(stack);
    float[] out = ArrayPool.floats(members * channels * plane);
    MatrixLayout weightTransposed = MatrixLayout.operand(outChannels, kernelSize, 0, true);
    threads.parallelFor(
        members,
        1,
        (chunk, from, to) -> {
          // Two members side by side: fewer ragged column panels than one at a time.
          float[] columns = ArrayPool.floats(kernelSize * 2 * positions);
          for (int member = from; member < to; member += 2) {
            int count = Math.min(2, to - member);
            int columnCount = count * positions;
            gemm.multiply(
                weightTransposed,
                w,
                MatrixLayout.columnBatch(
                    count,
                    outChannels,
                    positions,
                    member * outChannels * positions,
                    outChannels * positions),
                s,
                MatrixLayout.dense(kernelSize, columnCount, 0),
                columns,
                false,
                false);
            for (int m = 0; m < count; m++) {
              int target = (member + m) * channels * plane;
              Arrays.fill(out, target, target + channels * plane, 0f);
              for (int c = 0; c < channels; c++) {
                Convolution.col2imPlane(
                    columns,
                    c * window * columnCount + m * positions,
                    columnCount,
                    geometry,
                    height,
                    width,
                    out,
                    target + c * plane);
              }
            }
          }
          ArrayPool.recycle(columns);
        });
    return backend.wrapFloats(out, Shape.of(members, channels, height, width));
  }

  Tensor maxPoolIndices(Tensor x, ConvGeometry geometry) {
    ConvolutionShape shape = ConvolutionShape.ofImage("maxPoolIndices", x.shape(), geometry);
    int height = shape.height();
    int width = shape.width();
    Shape outShape = shape.pooledShape();
    Object out = CpuBackend.allocate(x.dtype(), outShape.sizeAsInt());
    Object data = CpuStorage.array(x);
    int planeIn = height * width;
    int planeOut = shape.positions();
    threads.parallelFor(
        shape.planes(),
        Math.max(1, CpuBackend.ELEMENTWISE_GRAIN / Math.max(1, planeIn)),
        (c, from, to) -> {
          for (int plane = from; plane < to; plane++) {
            if (data instanceof float[] f) {
              Convolution.maxPoolPlane(
                  f, plane * planeIn, height, width, geometry, (float[]) out, plane * planeOut);
            } else {
              Convolution.maxPoolPlane(
                  (double[]) data,
                  plane * planeIn,
                  height,
                  width,
                  geometry,
                  (double[]) out,
                  plane * planeOut);
            }
          }
        });
    return backend.wrapArray(out, outShape);
  }
}
