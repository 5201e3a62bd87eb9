package org.cockpit4j.backend.cpu;

/**
 * A plain-Java GEMM: row-parallel {@code i-p-j} loops on a contiguous copy of {@code op(B)}. The
 * fallback when the Vector API is absent, and the small-matrix path.
 */
final class ScalarGemm implements Gemm {
  private final CpuThreads threads;

  ScalarGemm(CpuThreads threads) {
    this.threads = threads;
  }

  @Override
  public void gemm(
      int m,
      int n,
      int k,
      float[] a,
      int aOffset,
      boolean transposeA,
      float[] b,
      int bOffset,
      boolean transposeB,
      float[] c,
      int cOffset,
      boolean parallel) {
    float[] bRows;
    int bBase;
    if (transposeB) {
      bRows = new float[k * n];
      for (int j = 0; j < n; j++) {
        for (int p = 0; p < k; p++) {
          bRows[p * n + j] = b[bOffset + j * k + p];
        }
      }
      bBase = 0;
    } else {
      bRows = b;
      bBase = bOffset;
    }
    int aRow = transposeA ? 1 : k;
    int aCol = transposeA ? m : 1;
    CpuThreads.RangeBody body =
        (chunk, from, to) -> {
          for (int i = from; i < to; i++) {
            int cRow = cOffset + i * n;
            java.util.Arrays.fill(c, cRow, cRow + n, 0f);
            for (int p = 0; p < k; p++) {
              float aip = a[aOffset + i * aRow + p * aCol];
              int bRow = bBase + p * n;
              for (int j = 0; j < n; j++) {
                c[cRow + j] += aip * bRows[bRow + j];
              }
            }
          }
        };
    if (parallel) {
      threads.parallelFor(m, Math.max(1, 65536 / Math.max(1, n * k)), body);
    } else if (m > 0) {
      body.run(0, 0, m);
    }
  }

  @Override
  public void gemm(
      int m,
      int n,
      int k,
      double[] a,
      int aOffset,
      boolean transposeA,
      double[] b,
      int bOffset,
      boolean transposeB,
      double[] c,
      int cOffset,
      boolean parallel) {
    double[] bRows;
    int bBase;
    if (transposeB) {
      bRows = new double[k * n];
      for (int j = 0; j < n; j++) {
        for (int p = 0; p < k; p++) {
          bRows[p * n + j] = b[bOffset + j * k + p];
        }
      }
      bBase = 0;
    } else {
      bRows = b;
      bBase = bOffset;
    }
    int aRow = transposeA ? 1 : k;
    int aCol = transposeA ? m : 1;
    CpuThreads.RangeBody body =
        (chunk, from, to) -> {
          for (int i = from; i < to; i++) {
            int cRow = cOffset + i * n;
            java.util.Arrays.fill(c, cRow, cRow + n, 0.0);
            for (int p = 0; p < k; p++) {
              double aip = a[aOffset + i * aRow + p * aCol];
              int bRow = bBase + p * n;
              for (int j = 0; j < n; j++) {
                c[cRow + j] += aip * bRows[bRow + j];
              }
            }
          }
        };
    if (parallel) {
      threads.parallelFor(m, Math.max(1, 65536 / Math.max(1, n * k)), body);
    } else if (m > 0) {
      body.run(0, 0, m);
    }
  }
}
