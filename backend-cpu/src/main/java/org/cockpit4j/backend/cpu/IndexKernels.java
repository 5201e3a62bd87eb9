package org.cockpit4j.backend.cpu;

/**
 * Gather and scatter-add on the layout {@code [outer, extent, inner]}: the index tensor is {@code
 * [outer, picked, inner]}. Each outer row reads and writes only its own slices, so rows run in
 * parallel; within a row, repeated indices accumulate in index order.
 */
final class IndexKernels {
  private IndexKernels() {}

  static void gather(
      float[] x, int extent, int inner, int[] index, int picked, float[] out, int from, int to) {
    for (int o = from; o < to; o++) {
      int xBase = o * extent * inner;
      for (int r = 0; r < picked; r++) {
        int dst = (o * picked + r) * inner;
        for (int i = 0; i < inner; i++) {
          out[dst + i] = x[xBase + index[dst + i] * inner + i];
        }
      }
    }
  }

  static void gather(
      double[] x, int extent, int inner, int[] index, int picked, double[] out, int from, int to) {
    for (int o = from; o < to; o++) {
      int xBase = o * extent * inner;
      for (int r = 0; r < picked; r++) {
        int dst = (o * picked + r) * inner;
        for (int i = 0; i < inner; i++) {
          out[dst + i] = x[xBase + index[dst + i] * inner + i];
        }
      }
    }
  }

  static void scatterAdd(
      float[] source,
      int extent,
      int inner,
      int[] index,
      int picked,
      float[] out,
      int from,
      int to) {
    for (int o = from; o < to; o++) {
      int outBase = o * extent * inner;
      for (int r = 0; r < picked; r++) {
        int src = (o * picked + r) * inner;
        for (int i = 0; i < inner; i++) {
          out[outBase + index[src + i] * inner + i] += source[src + i];
        }
      }
    }
  }

  static void scatterAdd(
      double[] source,
      int extent,
      int inner,
      int[] index,
      int picked,
      double[] out,
      int from,
      int to) {
    for (int o = from; o < to; o++) {
      int outBase = o * extent * inner;
      for (int r = 0; r < picked; r++) {
        int src = (o * picked + r) * inner;
        for (int i = 0; i < inner; i++) {
          out[outBase + index[src + i] * inner + i] += source[src + i];
        }
      }
    }
  }
}
