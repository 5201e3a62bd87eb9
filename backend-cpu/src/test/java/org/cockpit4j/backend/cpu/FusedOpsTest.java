package org.cockpit4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * The CPU backend's fused {@code matmulSum} and {@code col2imOfProduct} do not depend on the thread
 * count, and products on a lazily unfolded input match those on a stored copy. (That they agree
 * with the composed primitives is part of the backend contract, {@code FusedOpsContract}.)
 */
class FusedOpsTest {

  private static double[] values(Tensor t) {
    return t.toDoubleArray();
  }

  private static void assertClose(double[] expected, double[] actual, double tolerance) {
    assertEquals(expected.length, actual.length);
    double scale = 0;
    for (double v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolerance * (scale + 1), "element " + i);
    }
  }

  @Test
  void fusedOpsDoNotDependOnTheThreadCount() {
    float[][] sums = new float[2][];
    float[][] folds = new float[2][];
    int run = 0;
    for (int threads : new int[] {1, 3}) {
      try (CpuBackend backend = new CpuBackend(threads);
          TensorScope scope = TensorScope.open()) {
        Tensor delta = backend.randomNormal(Shape.of(6, 16, 49), DType.FLOAT32, 1, 0);
        Tensor columns = backend.randomNormal(Shape.of(6, 75, 49), DType.FLOAT32, 2, 0);
        Tensor weight = backend.randomNormal(Shape.of(16, 75), DType.FLOAT32, 3, 0);
        sums[run] = backend.matmulSum(delta, columns, false, true).toFloatArray();
        folds[run] =
            backend
                .col2imOfProduct(weight, delta, ConvGeometry.square(5, 1, 2), 7, 7)
                .toFloatArray();
        run++;
      }
    }
    assertArrayEquals(sums[0], sums[1], 0f);
    assertArrayEquals(folds[0], folds[1], 0f);
  }

  /** Products on an unfolded input, through its recipe and through a stored copy of it. */
  private static float[][] unfoldedProducts(CpuBackend backend, boolean stored) {
    return unfoldedProducts(backend, stored, 5, 9);
  }

  private static float[][] unfoldedProducts(
      CpuBackend backend, boolean stored, int batch, int channels) {
    ConvGeometry g = ConvGeometry.square(5, 1, 2);
    Tensor x = backend.randomNormal(Shape.of(batch, channels, 9, 7), DType.FLOAT32, 21, 0);
    Tensor w = backend.randomNormal(Shape.of(10, channels * 25), DType.FLOAT32, 22, 0);
    Tensor delta = backend.randomNormal(Shape.of(batch, 10, 63), DType.FLOAT32, 23, 0);
    Tensor columns = backend.im2col(x, g);
    if (stored) {
      columns = backend.copy(columns);
    }
    return new float[][] {
      backend.matmul(w, columns, false, false).toFloatArray(),
      backend.matmulSum(delta, columns, false, true).toFloatArray()
    };
  }

  @Test
  void productsOnAnUnfoldedInputMatchTheStoredOne() {
    float[][][] runs = new float[3][][];
    int run = 0;
    for (int threads : new int[] {2, 1, 3}) {
      try (CpuBackend backend = new CpuBackend(threads);
          TensorScope scope = TensorScope.open()) {
        runs[run++] = unfoldedProducts(backend, false);
        if (threads == 2) {
          float[][] stored = unfoldedProducts(backend, true);
          assertArrayEquals(stored[0], runs[0][0], 0f, "forward");
          assertArrayEquals(stored[1], runs[0][1], 0f, "weight gradient");
        }
      }
    }
    for (int i = 1; i < runs.length; i++) {
      assertArrayEquals(runs[0][0], runs[i][0], 0f, "forward, thread count");
      assertArrayEquals(runs[0][1], runs[i][1], 0f, "weight gradient, thread count");
    }
  }

  @Test
  void weightGradientOfAFewChannelsSumsFixedBlocksOfMembers() {
    float[][][] runs = new float[3][][];
    int run = 0;
    for (int threads : new int[] {2, 1, 3}) {
      try (CpuBackend backend = new CpuBackend(threads);
          TensorScope scope = TensorScope.open()) {
        runs[run++] = unfoldedProducts(backend, false, 40, 1);
        if (threads == 2) {
          float[] stored = unfoldedProducts(backend, true, 40, 1)[1];
          double[] expected = new double[stored.length];
          double[] actual = new double[stored.length];
          for (int i = 0; i < stored.length; i++) {
            expected[i] = stored[i];
            actual[i] = runs[0][1][i];
          }
          assertClose(expected, actual, 1e-5);
        }
      }
    }
    for (int i = 1; i < runs.length; i++) {
      assertArrayEquals(runs[0][1], runs[i][1], 0f, "weight gradient, thread count");
    }
  }

  @Test
  void anUnfoldedInputOutlivesItsClosedSource() {
    try (CpuBackend backend = new CpuBackend(2);
        TensorScope scope = TensorScope.open()) {
      Tensor x = backend.randomNormal(Shape.of(2, 2, 4, 4), DType.FLOAT32, 31, 0);
      float[] expected =
          backend.copy(backend.im2col(x, ConvGeometry.square(3, 1, 1))).toFloatArray();
      Tensor columns = backend.im2col(x, ConvGeometry.square(3, 1, 1));
      x.close();
      assertArrayEquals(expected, columns.toFloatArray(), 0f);
    }
  }
}
