package org.cockpit4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The float32 layout GEMM against a float64 brute-force twin, on the layouts the backend builds:
 * plain products in every transpose combination, a shared matrix times a batch (columns side by
 * side, groups not a multiple of the register block), a batch times a shared matrix, sums over a
 * batch (a grouped depth), the transposed formulation and A read by rows; and bit-identical results
 * for one and three threads.
 */
@EnabledIf("vectorApiPresent")
class BlockedFloatGemmTest {

  static boolean vectorApiPresent() {
    return GemmFactory.vectorApiPresent();
  }

  private static float[] random(int length, long seed) {
    Random random = new Random(seed);
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  /** Checks {@code C = A B} on the given layouts with 1 and 3 threads. */
  private static void check(
      MatrixLayout a, int aLength, MatrixLayout b, int bLength, MatrixLayout c, int cLength) {
    float[] aData = random(aLength, 1 + aLength);
    float[] bData = random(bLength, 2 + bLength);
    int m = a.rows();
    int n = b.cols();
    int k = a.cols();
    float[][] results = new float[2][];
    int run = 0;
    for (int threads : new int[] {1, 3}) {
      try (CpuThreads pool = new CpuThreads(threads)) {
        float[] cData = random(cLength, 3);
        new BlockedFloatGemm(pool).multiply(a, aData, b, bData, c, cData, false, true);
        results[run++] = cData;
      }
    }
    String what = "A " + a + " B " + b + " C " + c;
    assertArrayEquals(results[0], results[1], 0f, "thread count changed " + what);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        double scale = 0;
        for (int p = 0; p < k; p++) {
          double term = (double) aData[a.index(i, p)] * bData[b.index(p, j)];
          sum += term;
          scale += Math.abs(term);
        }
        double actual = results[0][c.index(i, j)];
        assertEquals(sum, actual, 1e-5 * (scale + 1), "(" + i + ", " + j + ") of " + what);
      }
    }
  }

  private static MatrixLayout operand(int rows, int cols, boolean transpose) {
    return transpose
        ? MatrixLayout.operand(cols, rows, 0, true)
        : MatrixLayout.operand(rows, cols, 0, false);
  }

  @Test
  void plainProductsInEveryTransposeCombination() {
    int[][] sizes = {
      {70, 90, 600}, {9, 130, 40}, {100, 40, 70}, {64, 200, 50}, {120, 200, 300}, {3, 5, 2}
    };
    for (int[] size : sizes) {
      int m = size[0];
      int n = size[1];
      int k = size[2];
      for (int variant = 0; variant < 4; variant++) {
        boolean ta = (variant & 2) != 0;
        boolean tb = (variant & 1) != 0;
        check(
            operand(m, k, ta), m * k, operand(k, n, tb), k * n, MatrixLayout.dense(m, n, 0), m * n);
      }
    }
  }

  @Test
  void sharedMatrixTimesABatchOfColumnBlocks() {
    // Groups of 45 columns: register panels straddle the members.
    int batch = 5;
    int m = 20;
    int k = 30;
    int p = 45;
    for (boolean ta : new boolean[] {false, true}) {
      check(
          operand(m, k, ta),
          m * k,
          MatrixLayout.columnBatch(batch, k, p, 0, k * p),
          batch * k * p,
          MatrixLayout.columnBatch(batch, m, p, 0, m * p),
          batch * m * p);
    }
  }

  @Test
  void batchTimesSharedMatrixWithTransposedMembers() {
    int batch = 4;
    int m = 13;
    int k = 21;
    int n = 17;
    MatrixLayout members = new MatrixLayout(batch * m, k, 0, 1, m, m * k, m, k, 0);
    check(
        members,
        batch * m * k,
        operand(k, n, false),
        k * n,
        MatrixLayout.dense(batch * m, n, 0),
        batch * m * n);
  }

  @Test
  void sumsOverABatchAsAGroupedDepth() {
    // Σ_g δ_g X_gᵀ: the weight gradient of a convolution, computed transposed (few rows of C).
    int batch = 6;
    int m = 24;
    int n = 100;
    int p = 37;
    MatrixLayout delta = new MatrixLayout(m, batch * p, 0, p, m, 0, 1, p, m * p);
    MatrixLayout columns = new MatrixLayout(batch * p, n, 0, 1, p, n * p, p, n, 0);
    check(delta, batch * m * p, columns, batch * n * p, MatrixLayout.dense(m, n, 0), m * n);
    // Two full panels of C columns per row panel read in place: the wide row kernels.
    int outputs = 64;
    int inputs = 90;
    check(
        new MatrixLayout(outputs, batch * p, 0, p, outputs, 0, 1, p, outputs * p),
        batch * outputs * p,
        new MatrixLayout(batch * p, inputs, 0, 1, p, inputs * p, p, inputs, 0),
        batch * inputs * p,
        MatrixLayout.dense(outputs, inputs, 0),
        outputs * inputs);
    // And with more depth per member than one depth block.
    int deep = 700;
    check(
        new MatrixLayout(m, 2 * deep, 0, deep, m, 0, 1, deep, m * deep),
        2 * m * deep,
        new MatrixLayout(2 * deep, n, 0, n, deep, deep * n, 1, n, 0),
        2 * deep * n,
        MatrixLayout.dense(m, n, 0),
        m * n);
  }

  @Test
  void depthBlocksRespectGroupsAndStayBalanced() {
    int[] blocks = BlockedFloatGemm.depthBlocks(1000, 400, 1000);
    assertArrayEquals(new int[] {0, 400, 800, 1000}, blocks);
    int[] plain = BlockedFloatGemm.depthBlocks(800, 800, 800);
    assertArrayEquals(new int[] {0, 400, 800}, plain);
    for (int i = 0; i + 1 < plain.length; i++) {
      assertTrue(plain[i + 1] - plain[i] <= BlockedFloatGemm.KC);
    }
  }
}
