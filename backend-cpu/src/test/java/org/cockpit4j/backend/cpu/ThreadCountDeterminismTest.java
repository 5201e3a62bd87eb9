package org.cockpit4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * Matrix products, convolution unfolding and reductions give bit-identical results for any thread
 * count (each result element is accumulated in one fixed order).
 */
class ThreadCountDeterminismTest {

  private static float[] product(CpuBackend backend, boolean ta, boolean tb, int batch) {
    try (TensorScope scope = TensorScope.open()) {
      Shape aShape = batch > 0 ? Shape.of(batch, 70, 300) : Shape.of(300, 300);
      Shape bShape = batch > 0 ? Shape.of(300, 90) : Shape.of(300, 300);
      Tensor a = backend.randomNormal(aShape, DType.FLOAT32, 3, 0);
      Tensor b = backend.randomNormal(bShape, DType.FLOAT32, 4, 0);
      return backend.matmul(a, b, ta && batch == 0, tb && batch == 0).toFloatArray();
    }
  }

  @Test
  void matmulDoesNotDependOnTheThreadCount() {
    try (CpuBackend one = new CpuBackend(1);
        CpuBackend three = new CpuBackend(3)) {
      for (int variant = 0; variant < 4; variant++) {
        boolean ta = (variant & 2) != 0;
        boolean tb = (variant & 1) != 0;
        assertArrayEquals(product(one, ta, tb, 0), product(three, ta, tb, 0), 0f);
      }
      assertArrayEquals(product(one, false, false, 5), product(three, false, false, 5), 0f);
    }
  }

  @Test
  void im2colThenMatmulDoesNotDependOnTheThreadCount() {
    float[][] results = new float[2][];
    int i = 0;
    for (int threads : new int[] {1, 2}) {
      try (CpuBackend backend = new CpuBackend(threads);
          TensorScope scope = TensorScope.open()) {
        Tensor x = backend.randomNormal(Shape.of(6, 3, 12, 12), DType.FLOAT32, 5, 0);
        Tensor w = backend.randomNormal(Shape.of(8, 27), DType.FLOAT32, 6, 0);
        Tensor cols = backend.im2col(x, ConvGeometry.square(3, 1, 1));
        results[i++] = backend.matmul(w, cols, false, false).toFloatArray();
      }
    }
    assertTrue(results[0].length == 6 * 8 * 144);
    assertArrayEquals(results[0], results[1], 0f);
  }

  @Test
  void reductionsDoNotDependOnTheThreadCount() {
    double[][] results = new double[3][];
    int i = 0;
    for (int threads : new int[] {1, 2, 3}) {
      try (CpuBackend backend = new CpuBackend(threads);
          TensorScope scope = TensorScope.open()) {
        Tensor x = backend.randomNormal(Shape.of(3, 100_000), DType.FLOAT32, 7, 0);
        Tensor wide = backend.randomNormal(Shape.of(2, 5000), DType.FLOAT64, 8, 0);
        double full = backend.reduce(ReduceOp.SUM, x, new int[] {0, 1}, false).item();
        double[] rows =
            backend.reduce(ReduceOp.SUM_OF_SQUARES, x, new int[] {1}, false).toDoubleArray();
        double[] columns = backend.reduce(ReduceOp.SUM, wide, new int[] {0}, false).toDoubleArray();
        double[] all = new double[1 + rows.length + columns.length];
        all[0] = full;
        System.arraycopy(rows, 0, all, 1, rows.length);
        System.arraycopy(columns, 0, all, 1 + rows.length, columns.length);
        results[i++] = all;
      }
    }
    assertArrayEquals(results[0], results[1], 0.0);
    assertArrayEquals(results[0], results[2], 0.0);
  }
}
