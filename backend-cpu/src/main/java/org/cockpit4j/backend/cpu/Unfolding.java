package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.ConvGeometry;

/**
 * The recipe of an unfolded input {@code im2col(x) [N, C*kH*kW, Ho*Wo]}: the input's storage (kept
 * alive) and the geometry. The CPU backend's {@code im2col} returns a tensor backed by one of these
 * and fills its array only when some op reads it; the convolution products read the recipe instead
 * and unfold one member (or some channels of it) at a time into a scratch that stays in cache, so
 * that for fmnist_2c2d the 80 MB unfolded input of the second convolution is never written to or
 * read from memory. Tensors are immutable, so the recipe always gives the same values.
 */
final class Unfolding {
  private final CpuStorage input;
  private final CpuThreads threads;
  final ConvGeometry geometry;
  final int batch;
  final int channels;
  final int height;
  final int width;

  /** Kernel positions per channel ({@code kH*kW}). */
  final int window;

  /** Output positions per member ({@code Ho*Wo}). */
  final int positions;

  /** Takes a share of {@code input} (an NCHW storage of the given extents) until released. */
  Unfolding(CpuStorage input, int[] dims, ConvGeometry geometry, CpuThreads threads) {
    input.retain();
    this.input = input;
    this.threads = threads;
    this.geometry = geometry;
    this.batch = dims[0];
    this.channels = dims[1];
    this.height = dims[2];
    this.width = dims[3];
    this.window = geometry.kernelHeight() * geometry.kernelWidth();
    this.positions = geometry.outputHeight(height) * geometry.outputWidth(width);
  }

  /** Rows per member ({@code C*kH*kW}). */
  int rows() {
    return channels * window;
  }

  /** Whether the input is float32. */
  boolean floats() {
    return input.data() instanceof float[];
  }

  /** The whole unfolded input, a new float[] or double[] of {@code N*C*kH*kW*Ho*Wo} elements. */
  Object compute() {
    Object data = input.data();
    int planeIn = height * width;
    int planeOut = window * positions;
    Object out = ArrayPool.array(data instanceof float[], batch * channels * planeOut);
    threads.parallelFor(
        batch * channels,
        Math.max(1, 32768 / Math.max(1, planeOut)),
        (c, from, to) -> {
          for (int plane = from; plane < to; plane++) {
            if (data instanceof float[] f) {
              Convolution.im2colPlane(
                  f, plane * planeIn, height, width, geometry, (float[]) out, plane * planeOut);
            } else {
              Convolution.im2colPlane(
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
    return out;
  }

  /**
   * Writes the rows of channels {@code [c0, c1)} of member {@code n} ({@code (c1-c0)*kH*kW} rows of
   * {@code Ho*Wo}, {@code rowStride} apart) to {@code target[offset..]}; float32 only.
   */
  void unfold(int n, int c0, int c1, float[] target, int offset, int rowStride) {
    float[] x = (float[]) input.data();
    int planeIn = height * width;
    for (int c = c0; c < c1; c++) {
      Convolution.im2colPlane(
          x,
          (n * channels + c) * planeIn,
          height,
          width,
          geometry,
          target,
          offset + (c - c0) * window * rowStride,
          rowStride);
    }
  }

  /** Gives back the share of the input. */
  void release() {
    input.release();
  }
}
