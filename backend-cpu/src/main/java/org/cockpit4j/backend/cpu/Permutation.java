package org.cockpit4j.backend.cpu;

/**
 * Axis permutation of a row-major array: result axis {@code i} is input axis {@code axes[i]}. The
 * innermost result axis is copied in a tight strided loop; rows are independent, so they are split
 * across threads.
 */
final class Permutation {
  private Permutation() {}

  /** Result extents for input extents {@code dims}. */
  static int[] permutedDims(int[] dims, int[] axes) {
    int[] out = new int[dims.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = dims[axes[i]];
    }
    return out;
  }

  /** Permutes {@code x} (a float[] or double[] of extents {@code dims}) into {@code out}. */
  static void permute(CpuThreads threads, Object x, int[] dims, int[] axes, Object out) {
    int rank = dims.length;
    int size = 1;
    for (int d : dims) {
      size *= d;
    }
    if (size == 0) {
      return;
    }
    if (rank == 0) {
      System.arraycopy(x, 0, out, 0, 1);
      return;
    }
    int[] inStrides = new int[rank];
    int stride = 1;
    for (int i = rank - 1; i >= 0; i--) {
      inStrides[i] = stride;
      stride *= dims[i];
    }
    int[] outDims = permutedDims(dims, axes);
    int[] srcStrides = new int[rank];
    for (int i = 0; i < rank; i++) {
      srcStrides[i] = inStrides[axes[i]];
    }
    int inner = outDims[rank - 1];
    int innerStride = srcStrides[rank - 1];
    int rows = size / inner;
    threads.parallelFor(
        rows,
        Math.max(1, 16384 / inner),
        (chunk, from, to) -> {
          for (int row = from; row < to; row++) {
            int src = 0;
            int rest = row;
            for (int axis = rank - 2; axis >= 0; axis--) {
              src += (rest % outDims[axis]) * srcStrides[axis];
              rest /= outDims[axis];
            }
            int dst = row * inner;
            if (innerStride == 1) {
              System.arraycopy(x, src, out, dst, inner);
            } else if (x instanceof float[] xf) {
              float[] of = (float[]) out;
              for (int i = 0; i < inner; i++) {
                of[dst + i] = xf[src + i * innerStride];
              }
            } else {
              double[] xd = (double[]) x;
              double[] od = (double[]) out;
              for (int i = 0; i < inner; i++) {
                od[dst + i] = xd[src + i * innerStride];
              }
            }
          }
        });
  }
}
