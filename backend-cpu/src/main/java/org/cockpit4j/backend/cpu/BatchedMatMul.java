package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.MatMulShape;

/**
 * Runs a {@link MatMulShape} with a {@link Gemm}: one product uses every thread; a batched {@code
 * a} times a shared {@code b} becomes one tall product; other batches run one product per thread
 * when there are enough of them. Each product is computed the same way whichever thread runs it, so
 * results do not depend on the split.
 */
final class BatchedMatMul {
  private BatchedMatMul() {}

  static void run(CpuThreads threads, Gemm gemm, MatMulShape p, Object a, Object b, Object c) {
    if (a instanceof float[] af && gemm.supportsLayouts()) {
      asOneProduct(threads, gemm, p, af, (float[]) b, (float[]) c);
      return;
    }
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

  /**
   * Runs a float32 plan as one product on two-level layouts when one operand is shared (a batch
   * times a shared matrix, or a shared matrix times a batch, whose columns then sit side by side),
   * or as one product per member when both operands are batches.
   */
  private static void asOneProduct(
      CpuThreads threads, Gemm gemm, MatMulShape p, float[] a, float[] b, float[] c) {
    int m = p.m();
    int n = p.n();
    int k = p.k();
    int batch = p.batch();
    MatrixLayout aLayout;
    MatrixLayout bLayout;
    MatrixLayout cLayout;
    if (batch == 0) {
      aLayout = operand(m, k, 0, p.transposeA());
      bLayout = operand(k, n, 0, p.transposeB());
      cLayout = MatrixLayout.dense(m, n, 0);
    } else if (p.aBatched() && !p.bBatched()) {
      // Rows of all members stacked: [batch*m, k] times the shared B.
      MatrixLayout member = operand(m, k, 0, p.transposeA());
      aLayout =
          new MatrixLayout(
              batch * m,
              k,
              0,
              member.rowStride(),
              Math.max(1, m),
              m * k,
              member.colStride(),
              member.colGroup(),
              0);
      bLayout = operand(k, n, 0, p.transposeB());
      cLayout = MatrixLayout.dense(batch * m, n, 0);
    } else if (!p.aBatched() && p.bBatched()) {
      // Columns of all members side by side: the shared A times [k, batch*n].
      MatrixLayout member = operand(k, n, 0, p.transposeB());
      aLayout = operand(m, k, 0, p.transposeA());
      bLayout =
          new MatrixLayout(
              k,
              batch * n,
              0,
              member.rowStride(),
              member.rowGroup(),
              0,
              member.colStride(),
              Math.max(1, n),
              k * n);
      cLayout = MatrixLayout.columnBatch(batch, m, n, 0, m * n);
    } else {
      asProductPerMember(threads, gemm, p, a, b, c);
      return;
    }
    gemm.multiply(aLayout, a, bLayout, b, cLayout, c, false, true);
  }

  /**
   * Both operands batches: one product per member, members split among threads when there are
   * enough of them.
   */
  private static void asProductPerMember(
      CpuThreads threads, Gemm gemm, MatMulShape p, float[] a, float[] b, float[] c) {
    int m = p.m();
    int n = p.n();
    int k = p.k();
    int batch = p.batch();
    CpuThreads.RangeBody body =
        (chunk, from, to) -> {
          for (int i = from; i < to; i++) {
            gemm.multiply(
                operand(m, k, i * m * k, p.transposeA()),
                a,
                operand(k, n, i * k * n, p.transposeB()),
                b,
                MatrixLayout.dense(m, n, i * m * n),
                c,
                false,
                false);
          }
        };
    long work = (long) m * n * k;
    if (batch >= 2 * threads.threads() || (batch >= threads.threads() && work < (1L << 22))) {
      threads.parallelFor(batch, 1, body);
    } else {
      for (int i = 0; i < batch; i++) {
        gemm.multiply(
            operand(m, k, i * m * k, p.transposeA()),
            a,
            operand(k, n, i * k * n, p.transposeB()),
            b,
            MatrixLayout.dense(m, n, i * m * n),
            c,
            false,
            true);
      }
    }
  }

  /**
   * Writes {@code Σ_i op(a[i]) op(b[i])} ({@code m x n}) into {@code c} as one float32 product
   * whose depth runs over every member: {@code op(A)} is {@code m x (batch*k)} with the members'
   * columns side by side, {@code op(B)} is {@code (batch*k) x n} with their rows stacked.
   */
  static void sumOfProducts(Gemm gemm, MatMulShape p, float[] a, float[] b, float[] c) {
    int m = p.m();
    int n = p.n();
    int k = p.k();
    int batch = p.batch();
    MatrixLayout aMember = operand(m, k, 0, p.transposeA());
    MatrixLayout bMember = operand(k, n, 0, p.transposeB());
    MatrixLayout aLayout =
        new MatrixLayout(
            m,
            batch * k,
            0,
            aMember.rowStride(),
            Math.max(1, m),
            0,
            aMember.colStride(),
            Math.max(1, k),
            m * k);
    MatrixLayout bLayout =
        new MatrixLayout(
            batch * k,
            n,
            0,
            bMember.rowStride(),
            Math.max(1, k),
            k * n,
            bMember.colStride(),
            Math.max(1, n),
            0);
    gemm.multiply(aLayout, a, bLayout, b, MatrixLayout.dense(m, n, 0), c, false, true);
  }

  /** {@code op(X)} of logical shape {@code rows x cols} stored row-major at {@code offset}. */
  private static MatrixLayout operand(int rows, int cols, int offset, boolean transpose) {
    return transpose
        ? MatrixLayout.operand(cols, rows, offset, true)
        : MatrixLayout.operand(rows, cols, offset, false);
  }

  private static void one(
      Gemm gemm,
      MatMulShape p,
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
