package org.cockpit4j.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The GPU matrix-product kernel (gemm_gpu.cl, forced with {@code gemm=gpu}) on whatever device is
 * here: it must agree bit for bit with the CPU-device kernel, since both add each element's
 * products in increasing k with fma, over every transpose, batch form and ragged edge. (On PoCL it
 * runs correctly but slowly: local-memory tiles and barriers suit GPUs.)
 */
class GpuGemmKernelTest {

  private static double[] values(int size, long seed) {
    Random random = new Random(seed);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = random.nextDouble() * 2 - 1;
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void gpuKernelMatchesCpuKernelExactly(DType dtype) {
    Backend cpu = OpenClTestBackend.get(Map.of("gemm", "cpu"));
    Backend gpu = OpenClTestBackend.get(Map.of("gemm", "gpu"));
    Assumptions.assumeTrue(cpu.supports(dtype), () -> dtype + " unsupported on this device");
    int[][] cases = { // batchA, batchB, m, n, k
      {0, 0, 1, 1, 1},
      {0, 0, 5, 7, 3},
      {0, 0, 70, 67, 33},
      {0, 0, 64, 64, 16},
      {3, 3, 9, 70, 17},
      {3, 0, 66, 5, 19},
      {0, 3, 13, 21, 65}
    };
    long seed = 1;
    try (TensorScope scope = TensorScope.open()) {
      for (int[] c : cases) {
        for (int variant = 0; variant < 4; variant++) {
          boolean ta = (variant & 2) != 0;
          boolean tb = (variant & 1) != 0;
          int[] aDims = ta ? new int[] {c[4], c[2]} : new int[] {c[2], c[4]};
          int[] bDims = tb ? new int[] {c[3], c[4]} : new int[] {c[4], c[3]};
          Shape aShape = c[0] > 0 ? Shape.of(aDims).prepend(c[0]) : Shape.of(aDims);
          Shape bShape = c[1] > 0 ? Shape.of(bDims).prepend(c[1]) : Shape.of(bDims);
          double[] a = values(aShape.sizeAsInt(), seed++);
          double[] b = values(bShape.sizeAsInt(), seed++);
          Tensor expected =
              cpu.matmul(cpu.fromArray(a, aShape, dtype), cpu.fromArray(b, bShape, dtype), ta, tb);
          Tensor actual =
              gpu.matmul(gpu.fromArray(a, aShape, dtype), gpu.fromArray(b, bShape, dtype), ta, tb);
          String what = aShape + (ta ? "ᵀ" : "") + " x " + bShape + (tb ? "ᵀ" : "");
          assertEquals(expected.shape(), actual.shape(), what);
          assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 0.0, what);
        }
      }
    }
  }
}
