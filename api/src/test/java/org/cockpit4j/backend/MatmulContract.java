package org.cockpit4j.backend;

import static org.cockpit4j.backend.ContractValues.assertClose;
import static org.cockpit4j.backend.ContractValues.size;
import static org.cockpit4j.backend.ContractValues.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend contract, part: Matrix products in every transpose and batch form. See {@link
 * BackendContractTest}.
 */
public interface MatmulContract extends BackendContract {

  /** Element (i, j) of op(x) for x stored row-major with extents rows x cols. */
  private static double element(double[] x, int offset, int cols, boolean transpose, int i, int j) {
    return transpose ? x[offset + j * cols + i] : x[offset + i * cols + j];
  }

  private void checkMatmul(
      DType dtype, int batchA, int batchB, int m, int n, int k, boolean ta, boolean tb, long seed) {
    int[] aDims = ta ? new int[] {k, m} : new int[] {m, k};
    int[] bDims = tb ? new int[] {n, k} : new int[] {k, n};
    if (batchA > 0) {
      aDims = new int[] {batchA, aDims[0], aDims[1]};
    }
    if (batchB > 0) {
      bDims = new int[] {batchB, bDims[0], bDims[1]};
    }
    double[] a = values(size(aDims), seed, dtype);
    double[] b = values(size(bDims), seed + 1, dtype);
    int batch = Math.max(batchA, batchB);
    int products = Math.max(1, batch);
    double[] expected = new double[products * m * n];
    double[] scale = new double[expected.length];
    for (int q = 0; q < products; q++) {
      int aOff = batchA > 0 ? q * m * k : 0;
      int bOff = batchB > 0 ? q * k * n : 0;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          double abs = 0;
          for (int p = 0; p < k; p++) {
            double term =
                element(a, aOff, aDims[aDims.length - 1], ta, i, p)
                    * element(b, bOff, bDims[bDims.length - 1], tb, p, j);
            sum += term;
            abs += Math.abs(term);
          }
          expected[(q * m + i) * n + j] = sum;
          scale[(q * m + i) * n + j] = abs;
        }
      }
    }
    String what =
        "matmul "
            + Arrays.toString(aDims)
            + (ta ? "ᵀ" : "")
            + " x "
            + Arrays.toString(bDims)
            + (tb ? "ᵀ" : "");
    Tensor result = backend().matmul(tensor(a, dtype, aDims), tensor(b, dtype, bDims), ta, tb);
    Shape shape = batch > 0 ? Shape.of(batch, m, n) : Shape.of(m, n);
    assertEquals(shape, result.shape(), what);
    assertClose(expected, scale, result, dtype, what);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void matmulAllTransposesAndBatchForms(DType dtype) {
    long seed = 20;
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        checkMatmul(dtype, 0, 0, 5, 7, 3, ta, tb, seed++);
        checkMatmul(dtype, 0, 0, 1, 1, 1, ta, tb, seed++);
        checkMatmul(dtype, 0, 0, 37, 29, 41, ta, tb, seed++);
        checkMatmul(dtype, 4, 4, 6, 5, 7, ta, tb, seed++);
        checkMatmul(dtype, 3, 0, 6, 5, 7, ta, tb, seed++);
        checkMatmul(dtype, 0, 3, 6, 5, 7, ta, tb, seed++);
        checkMatmul(dtype, 9, 0, 13, 21, 17, ta, tb, seed++);
        checkMatmul(dtype, 0, 9, 13, 21, 17, ta, tb, seed++);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void matmulOnBlockedSizes(DType dtype) {
    // Larger than typical register and cache blocks, with ragged edges.
    long seed = 40;
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        checkMatmul(dtype, 0, 0, 133, 147, 301, ta, tb, seed++);
        checkMatmul(dtype, 0, 0, 20, 40, 700, ta, tb, seed++);
        checkMatmul(dtype, 0, 0, 150, 70, 700, ta, tb, seed++);
        checkMatmul(dtype, 3, 0, 9, 80, 30, ta, tb, seed++);
      }
    }
    checkMatmul(dtype, 0, 0, 67, 531, 19, false, false, seed++);
    checkMatmul(dtype, 0, 0, 8, 16, 1, false, false, seed++);
    checkMatmul(dtype, 0, 0, 3, 2, 0, false, false, seed++);
  }

  @Test
  default void matmulIsDeterministic() {
    double[] a = values(190 * 170, 50, DType.FLOAT32);
    double[] b = values(170 * 210, 51, DType.FLOAT32);
    Tensor ta = tensor(a, DType.FLOAT32, 190, 170);
    Tensor tb = tensor(b, DType.FLOAT32, 170, 210);
    float[] first = backend().matmul(ta, tb, false, false).toFloatArray();
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(first, backend().matmul(ta, tb, false, false).toFloatArray(), 0f);
    }
  }

  @Test
  default void matmulRejectsBadShapes() {
    Tensor a = backend().full(Shape.of(2, 3), DType.FLOAT64, 1);
    Tensor b = backend().full(Shape.of(4, 5), DType.FLOAT64, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> backend().matmul(a, b, false, false));
    assertTrue(
        e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"), e.getMessage());
    Tensor batchA = backend().full(Shape.of(2, 2, 3), DType.FLOAT64, 1);
    Tensor batchB = backend().full(Shape.of(3, 3, 2), DType.FLOAT64, 1);
    assertThrows(
        IllegalArgumentException.class, () -> backend().matmul(batchA, batchB, false, false));
    Tensor vector = backend().full(Shape.of(3), DType.FLOAT64, 1);
    assertThrows(IllegalArgumentException.class, () -> backend().matmul(a, vector, false, false));
    Tensor f = backend().full(Shape.of(3, 2), DType.FLOAT32, 1);
    assertThrows(IllegalArgumentException.class, () -> backend().matmul(a, f, false, false));
  }
}
