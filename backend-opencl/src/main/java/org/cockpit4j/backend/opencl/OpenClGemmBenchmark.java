package org.cockpit4j.backend.opencl;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Measures square matrix products {@code n x n x n} on the OpenCL backend in GFLOP/s ({@code 2 n^3}
 * flops per product): the median of timed repetitions after warm-up, each timed until the device
 * has finished ({@link OpenClBackend#finish()}; ops are asynchronous). Run {@code main} for a
 * table; arguments: {@code [n] [repetitions] [option=value ...]} with the backend options ({@code
 * device=}, {@code gemm=}, ...).
 */
public final class OpenClGemmBenchmark {
  private OpenClGemmBenchmark() {}

  /** Median GFLOP/s of {@code op(a) @ op(b)} for random {@code n x n} operands. */
  public static double gflops(
      OpenClBackend backend,
      int n,
      DType dtype,
      int repetitions,
      boolean transposeA,
      boolean transposeB) {
    if (n <= 0 || repetitions <= 0) {
      throw new IllegalArgumentException(
          "n and repetitions must be positive, got n=" + n + ", repetitions=" + repetitions);
    }
    try (TensorScope scope = TensorScope.open()) {
      Tensor a = backend.randomUniform(Shape.of(n, n), dtype, 1, 0);
      Tensor b = backend.randomUniform(Shape.of(n, n), dtype, 2, 0);
      double flops = 2.0 * n * n * (double) n;
      for (int i = 0; i < 2; i++) {
        backend.matmul(a, b, transposeA, transposeB).close();
      }
      backend.finish();
      double[] rates = new double[repetitions];
      for (int i = 0; i < repetitions; i++) {
        long start = System.nanoTime();
        Tensor c = backend.matmul(a, b, transposeA, transposeB);
        backend.finish();
        long elapsed = System.nanoTime() - start;
        c.close();
        rates[i] = flops / elapsed;
      }
      Arrays.sort(rates);
      return repetitions % 2 == 1
          ? rates[repetitions / 2]
          : 0.5 * (rates[repetitions / 2 - 1] + rates[repetitions / 2]);
    }
  }

  /** Prints GFLOP/s for each supported dtype and transpose combination. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    Map<String, String> options = new HashMap<>();
    for (int i = 2; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      options.put(pair[0], pair.length > 1 ? pair[1] : "");
    }
    try (OpenClBackend backend = new OpenClBackend(options)) {
      System.out.println(backend.deviceDescription());
      System.out.printf(Locale.ROOT, "%-8s %-6s %12s%n", "dtype", "op", "GFLOP/s");
      for (DType dtype : DType.values()) {
        if (!backend.supports(dtype)) {
          continue;
        }
        for (int variant = 0; variant < 4; variant++) {
          boolean ta = (variant & 2) != 0;
          boolean tb = (variant & 1) != 0;
          double rate = gflops(backend, n, dtype, repetitions, ta, tb);
          System.out.printf(
              Locale.ROOT,
              "%-8s %-6s %12.1f%n",
              dtype,
              (ta ? "Aᵀ" : "A") + (tb ? "Bᵀ" : "B"),
              rate);
        }
      }
    }
  }
}
