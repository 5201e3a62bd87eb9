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
    if (innerStride != 1) {
      for (int q = 0; q < rank - 1; q++) {
        if (srcStrides[q] == 1 && outDims[q] > 1) {
          transposeTiles(threads, x, outDims, srcStrides, q, out);
          return;
        }
      }
    }
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

  /** Tile edge of the blocked transpose. */
  private static final int TILE = 16;

  /**
   * The permutations that move the input's contiguous axis to output axis {@code q} (not the last):
   * for every combination of the other axes, a 2-D transpose between output axis {@code q} (read
   * contiguously) and the output's last axis (written contiguously), in tiles that stay in L1.
   */
  private static void transposeTiles(
      CpuThreads threads, Object x, int[] outDims, int[] srcStrides, int q, Object out) {
    int rank = outDims.length;
    int last = rank - 1;
    int[] outStrides = new int[rank];
    int stride = 1;
    for (int i = last; i >= 0; i--) {
      outStrides[i] = stride;
      stride *= outDims[i];
    }
    int extentQ = outDims[q];
    int extentL = outDims[last];
    int sourceStrideL = srcStrides[last];
    int outStrideQ = outStrides[q];
    int outerCount = stride / (extentQ * extentL);
    int tilesQ = (extentQ + TILE - 1) / TILE;
    threads.parallelFor(
        outerCount * tilesQ,
        Math.max(1, 4096 / (TILE * Math.max(1, extentL))),
        (chunk, from, to) -> {
          for (int item = from; item < to; item++) {
            int outer = item / tilesQ;
            int tile = item % tilesQ;
            int src = 0;
            int dst = 0;
            int rest = outer;
            for (int axis = last - 1; axis >= 0; axis--) {
              if (axis == q) {
                continue;
              }
              int index = rest % outDims[axis];
              rest /= outDims[axis];
              src += index * srcStrides[axis];
              dst += index * outStrides[axis];
            }
            int q0 = tile * TILE;
            int q1 = Math.min(extentQ, q0 + TILE);
            for (int l0 = 0; l0 < extentL; l0 += TILE) {
              int l1 = Math.min(extentL, l0 + TILE);
              if (x instanceof float[] xf) {
                float[] of = (float[]) out;
                for (int iq = q0; iq < q1; iq++) {
                  int d = dst + iq * outStrideQ;
                  int s0 = src + iq;
                  for (int il = l0; il < l1; il++) {
                    of[d + il] = xf[s0 + il * sourceStrideL];
                  }
                }
              } else {
                double[] xd = (double[]) x;
                double[] od = (double[]) out;
                for (int iq = q0; iq < q1; iq++) {
                  int d = dst + iq * outStrideQ;
                  int s0 = src + iq;
                  for (int il = l0; il < l1; il++) {
                    od[d + il] = xd[s0 + il * sourceStrideL];
                  }
                }
              }
            }
          }
        });
  }
}
