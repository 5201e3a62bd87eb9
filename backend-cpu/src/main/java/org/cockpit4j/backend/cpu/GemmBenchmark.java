package org.cockpit4j.backend.cpu;

import java.util.Arrays;
import java.util.Locale;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Measures square matrix products {@code n x n x n} on a backend, in GFLOP/s ({@code 2 n^3} flops
 * per product): the median of timed repetitions after warm-up. Run {@code main} (with {@code
 * --add-modules jdk.incubator.vector}) for a table; arguments: {@code [n] [repetitions] [threads]}.
 */
public final class GemmBenchmark {
  private GemmBenchmark() {}

  /** Median GFLOP/s of {@code a @ b} for random {@code n x n} operands of {@code dtype}. */
  public static double gflops(Backend backend, int n, DType dtype, int repetitions) {
    return gflops(backend, n, dtype, repetitions, false, false);
  }

  /** Median GFLOP/s of {@code op(a) @ op(b)} with the given transposes. */
  public static double gflops(
      Backend backend,
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
      // Warm up the JIT (the Vector API kernels are slow until compiled) for about a second.
      long warmUpEnd = System.nanoTime() + 1_000_000_000L;
      int warmUps = 0;
      while (warmUps < 3 || (System.nanoTime() < warmUpEnd && warmUps < 50)) {
        backend.matmul(a, b, transposeA, transposeB).close();
        warmUps++;
      }
      double[] rates = new double[repetitions];
      for (int i = 0; i < repetitions; i++) {
        long start = System.nanoTime();
        Tensor c = backend.matmul(a, b, transposeA, transposeB);
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

  /** Prints GFLOP/s for float32 and float64 and each transpose combination. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    int threads =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    try (CpuBackend backend = new CpuBackend(threads)) {
      System.out.println(backend.deviceDescription());
      System.out.printf(Locale.ROOT, "%-8s %-6s %12s%n", "dtype", "op", "GFLOP/s");
      for (DType dtype : DType.values()) {
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
