package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/** Small helpers shared by the nn contract tests: seeded values, tensors, comparisons. */
public final class NnTesting {
  private NnTesting() {}

  /** Deterministic values uniform in [-1, 1). */
  public static double[] values(int size, long seed) {
    Random random = new Random(seed);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = 2 * random.nextDouble() - 1;
    }
    return out;
  }

  /** A float64 tensor of deterministic values uniform in [-1, 1). */
  public static Tensor randomTensor(Backend backend, Shape shape, long seed) {
    return backend.fromArray(values(shape.sizeAsInt(), seed), shape, DType.FLOAT64);
  }

  /** A float64 tensor holding {@code data}. */
  public static Tensor tensor(Backend backend, double[] data, int... dims) {
    return backend.fromArray(data, Shape.of(dims), DType.FLOAT64);
  }

  /** Asserts elementwise {@code |actual − expected| ≤ atol + rtol·|expected|} and equal shapes. */
  public static void assertClose(
      double[] expected, double[] actual, double rtol, double atol, String what) {
    assertEquals(expected.length, actual.length, what + ": number of elements");
    for (int i = 0; i < expected.length; i++) {
      double bound = atol + rtol * Math.abs(expected[i]);
      if (!(Math.abs(actual[i] - expected[i]) <= bound)) {
        fail(
            what
                + ": element "
                + i
                + " is "
                + actual[i]
                + ", expected "
                + expected[i]
                + " (difference "
                + Math.abs(actual[i] - expected[i])
                + " > "
                + bound
                + ")");
      }
    }
  }

  /** Asserts the tensor's shape and values. */
  public static void assertTensor(
      Shape expectedShape, double[] expected, Tensor actual, double tolerance, String what) {
    assertEquals(expectedShape, actual.shape(), what + ": shape");
    assertClose(expected, actual.toDoubleArray(), tolerance, tolerance, what);
  }
}
