package org.cockpit4j.backend.cpu;

/**
 * Gather and scatter-add on the layout {@code [outer, extent, inner]}: the index tensor is {@code
 * [outer, picked, inner]} and holds integer values (in a float[] or double[]), checked as they are
 * read. Each outer row reads and writes only its own slices, so rows run in parallel; within a row,
 * repeated indices accumulate in index order. scatterAdd zeroes each row of its output before
 * adding to it (so the output may hold anything beforehand). The kernels return the flat position
 * of the first invalid index value they met, or -1.
 */
final class IndexKernels {
  private IndexKernels() {}

  /** The index at flat position {@code i} if it is an integer in {@code [0, bound)}, else -1. */
  static int index(Object index, int i, int bound) {
    double v = index instanceof float[] f ? f[i] : ((double[]) index)[i];
    int k = (int) v;
    return k != v || k < 0 || k >= bound ? -1 : k;
  }

  /** The index value at flat position {@code i}, as read. */
  static double value(Object index, int i) {
    return index instanceof float[] f ? f[i] : ((double[]) index)[i];
  }

  static int gather(
      float[] x, int extent, int inner, Object index, int picked, float[] out, int from, int to) {
    if (inner == 1 && index instanceof float[] indices) {
      // The common case (a max-pooling forward): one index per output, float32.
      for (int o = from; o < to; o++) {
        int xBase = o * extent;
        int end = (o + 1) * picked;
        for (int i = o * picked; i < end; i++) {
          float v = indices[i];
          int k = (int) v;
          if (k != v || k < 0 || k >= extent) {
            return i;
          }
          out[i] = x[xBase + k];
        }
      }
      return -1;
    }
    for (int o = from; o < to; o++) {
      int xBase = o * extent * inner;
      for (int r = 0; r < picked; r++) {
        int dst = (o * picked + r) * inner;
        for (int i = 0; i < inner; i++) {
          int k = index(index, dst + i, extent);
          if (k < 0) {
            return dst + i;
          }
          out[dst + i] = x[xBase + k * inner + i];
        }
      }
    }
    return -1;
  }

  static int gather(
      double[] x, int extent, int inner, Object index, int picked, double[] out, int from, int to) {
    for (int o = from; o < to; o++) {
      int xBase = o * extent * inner;
      for (int r = 0; r < picked; r++) {
        int dst = (o * picked + r) * inner;
        for (int i = 0; i < inner; i++) {
          int k = index(index, dst + i, extent);
          if (k < 0) {
            return dst + i;
          }
          out[dst + i] = x[xBase + k * inner + i];
        }
      }
    }
    return -1;
  }

  static int scatterAdd(
      float[] source,
      int extent,
      int inner,
      Object index,
      int picked,
      float[] out,
      int from,
      int to) {
    if (inner == 1 && index instanceof float[] indices) {
      // The common case (a max-pooling backward): one index per source element, float32.
      for (int o = from; o < to; o++) {
        int outBase = o * extent;
        java.util.Arrays.fill(out, outBase, outBase + extent, 0f);
        int end = (o + 1) * picked;
        for (int i = o * picked; i < end; i++) {
          float v = indices[i];
          int k = (int) v;
          if (k != v || k < 0 || k >= extent) {
            return i;
          }
          out[outBase + k] += source[i];
        }
      }
      return -1;
    }
    for (int o = from; o < to; o++) {
      int outBase = o * extent * inner;
      java.util.Arrays.fill(out, outBase, outBase + extent * inner, 0f);
      for (int r = 0; r < picked; r++) {
        int src = (o * picked + r) * inner;
        for (int i = 0; i < inner; i++) {
          int k = index(index, src + i, extent);
          if (k < 0) {
            return src + i;
          }
          out[outBase + k * inner + i] += source[src + i];
        }
      }
    }
    return -1;
  }

  static int scatterAdd(
      double[] source,
      int extent,
      int inner,
      Object index,
      int picked,
      double[] out,
      int from,
      int to) {
    for (int o = from; o < to; o++) {
      int outBase = o * extent * inner;
      java.util.Arrays.fill(out, outBase, outBase + extent * inner, 0.0);
      for (int r = 0; r < picked; r++) {
        int src = (o * picked + r) * inner;
        for (int i = 0; i < inner; i++) {
          int k = index(index, src + i, extent);
          if (k < 0) {
            return src + i;
          }
          out[outBase + k * inner + i] += source[src + i];
        }
      }
    }
    return -1;
  }
}
