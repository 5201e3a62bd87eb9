package org.cockpit4j.backend.cpu;

/**
 * Runs a {@link MatMulPlan} with a {@link Gemm}: one product uses every thread; a batched {@code a}
 * times a shared {@code b} becomes one tall product; other batches run one product per thread when
 * there are enough of them. Each product is computed the same way whichever thread runs it, so
 * results do not depend on the split.
 */
final class BatchedMatMul {
  private BatchedMatMul() {}

  static void run(CpuThreads threads, Gemm gemm, MatMulPlan p, Object a, Object b, Object c) {
    int m = p.m();
    int n = p.n();
    int k = p.k();
    if (p.batch() == 0) {
      one(gemm, p, a, 0, b, 0, c, 0, m, true);
      return;
    }
    int batch = p.batch();
    if (p.aBatched() && !p.bBatched() && !p.transposeA()) {
      one(gemm, p, a, 0, b, 0, c, 0, batch * m, true);
      return;
    }
    int aStride = p.aBatched() ? m * k : 0;
    int bStride = p.bBatched() ? k * n : 0;
    int cStride = m * n;
    long work = (long) m * n * k;
    if (batch >= 2 * threads.threads() || (batch >= threads.threads() && work < (1L << 22))) {
      threads.parallelFor(
          batch,
          1,
          (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
              one(gemm, p, a, i * aStride, b, i * bStride, c, i * cStride, m, false);
            }
          });
    } else {
      for (int i = 0; i < batch; i++) {
        one(gemm, p, a, i * aStride, b, i * bStride, c, i * cStride, m, true);
      }
    }
  }

  private static void one(
      Gemm gemm,
      MatMulPlan p,
      Object a,
      int aOffset,
      Object b,
      int bOffset,
      Object c,
      int cOffset,
      int rows,
      boolean parallel) {
    if (a instanceof float[] af) {
      gemm.gemm(
          rows,
          p.n(),
          p.k(),
          af,
          aOffset,
          p.transposeA(),
          (float[]) b,
          bOffset,
          p.transposeB(),
          (float[]) c,
          cOffset,
          parallel);
    } else {
      gemm.gemm(
          rows,
          p.n(),
          p.k(),
          (double[]) a,
          aOffset,
          p.transposeA(),
          (double[]) b,
          bOffset,
          p.transposeB(),
          (double[]) c,
          cOffset,
          parallel);
    }
  }
}
