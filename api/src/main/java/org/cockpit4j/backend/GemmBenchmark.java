package org.cockpit4j.backend;

import java.util.Arrays;
import java.util.Locale;
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
        backend.synchronize();
        warmUps++;
      }
      double[] rates = new double[repetitions];
      for (int i = 0; i < repetitions; i++) {
        long start = System.nanoTime();
        Tensor c = backend.matmul(a, b, transposeA, transposeB);
        backend.synchronize();
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

  /**
   * Median GFLOP/s of {@code op(a) @ op(b)} for random operands of the given shapes (rank 2 or 3,
   * as {@link Backend#matmul} takes them).
   */
  public static double gflops(
      Backend backend,
      Shape aShape,
      Shape bShape,
      boolean transposeA,
      boolean transposeB,
      DType dtype,
      int repetitions) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor a = backend.randomUniform(aShape, dtype, 1, 0);
      Tensor b = backend.randomUniform(bShape, dtype, 2, 0);
      Shape c;
      try (Tensor probe = backend.matmul(a, b, transposeA, transposeB)) {
        c = probe.shape();
      }
      int k = transposeA ? aShape.dim(-2) : aShape.dim(-1);
      double flops = 2.0 * c.size() * k;
      long warmUpEnd = System.nanoTime() + 500_000_000L;
      int warmUps = 0;
      while (warmUps < 3 || (System.nanoTime() < warmUpEnd && warmUps < 200)) {
        backend.matmul(a, b, transposeA, transposeB).close();
        backend.synchronize();
        warmUps++;
      }
      double[] rates = new double[repetitions];
      for (int i = 0; i < repetitions; i++) {
        long start = System.nanoTime();
        backend.matmul(a, b, transposeA, transposeB).close();
        backend.synchronize();
        rates[i] = flops / (System.nanoTime() - start);
      }
      Arrays.sort(rates);
      return rates[repetitions / 2];
    }
  }

  /** The products of one training step of the fmnist_2c2d and mnist_mlp problems, batch 128. */
  private static final Object[][] TRAINING_SHAPES = {
    {"conv1 forward W·cols", Shape.of(32, 25), Shape.of(128, 25, 784), false, false},
    {"conv2 forward W·cols", Shape.of(64, 800), Shape.of(128, 800, 196), false, false},
    {"conv2 input grad Wᵀ·dY", Shape.of(64, 800), Shape.of(128, 64, 196), true, false},
    {"conv2 per-sample dW dY·colsᵀ", Shape.of(128, 64, 196), Shape.of(128, 800, 196), false, true},
    {"fc1 forward X·Wᵀ", Shape.of(128, 3136), Shape.of(1024, 3136), false, true},
    {"fc1 weight grad dYᵀ·X", Shape.of(128, 1024), Shape.of(128, 3136), true, false},
    {"fc1 input grad dY·W", Shape.of(128, 1024), Shape.of(1024, 3136), false, false},
    {"mlp forward X·Wᵀ", Shape.of(128, 784), Shape.of(1000, 784), false, true},
  };

  /** Prints GFLOP/s for the products of a training step. */
  public static void printTrainingShapes(Backend backend, DType dtype, int repetitions) {
    System.out.printf(
        Locale.ROOT, "%-32s %-34s %9s%n", "product (" + dtype + ")", "shapes", "GFLOP/s");
    for (Object[] row : TRAINING_SHAPES) {
      Shape a = (Shape) row[1];
      Shape b = (Shape) row[2];
      boolean ta = (Boolean) row[3];
      boolean tb = (Boolean) row[4];
      double rate = gflops(backend, a, b, ta, tb, dtype, repetitions);
      System.out.printf(
          Locale.ROOT,
          "%-32s %-34s %9.1f%n",
          row[0],
          a + (ta ? "ᵀ" : "") + " x " + b + (tb ? "ᵀ" : ""),
          rate);
    }
  }

  /**
   * Prints GFLOP/s for float32 and float64 and each transpose combination. Arguments: {@code [n
   * [repetitions [backend [training]]]]}, backend by name ({@code cpu}, {@code opencl}).
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    String name = args.length > 2 ? args[2] : "cpu";
    try (Backend backend = Backends.create(name)) {
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
      if (args.length > 3 && args[3].equals("training")) {
        printTrainingShapes(backend, DType.FLOAT32, repetitions);
      }
    }
  }
}
