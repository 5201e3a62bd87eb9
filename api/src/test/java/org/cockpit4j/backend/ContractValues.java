package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;

/** Reference values and tolerant comparisons shared by the backend contract's parts. */
final class ContractValues {
  private ContractValues() {}

  static double tolerance(DType dtype) {
    return dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
  }

  /** Deterministic values in [-1, 1), rounded to {@code dtype}. */
  static double[] values(int size, long seed, DType dtype) {
    Random random = new Random(seed);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = round(random.nextDouble() * 2 - 1, dtype);
    }
    return out;
  }

  static double round(double v, DType dtype) {
    return dtype == DType.FLOAT32 ? (float) v : v;
  }

  static int size(int... dims) {
    int size = 1;
    for (int d : dims) {
      size *= d;
    }
    return size;
  }

  /** {@code |actual - expected| <= tol * (1 + scale)} elementwise, with {@code scale} >= 0. */
  static void assertClose(
      double[] expected, double[] scale, Tensor actual, DType dtype, String what) {
    assertEquals(dtype, actual.dtype(), what + ": dtype");
    double[] got = actual.toDoubleArray();
    assertEquals(expected.length, got.length, what + ": number of elements");
    double tol = tolerance(dtype);
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double g = got[i];
      if (Double.isNaN(e) || Double.isInfinite(e)) {
        assertEquals(e, g, 0.0, what + ": element " + i);
        continue;
      }
      double bound = tol * (1 + (scale == null ? Math.abs(e) : scale[i]));
      if (!(Math.abs(g - e) <= bound)) {
        fail(
            what
                + ": element "
                + i
                + " expected "
                + e
                + " but was "
                + g
                + " (bound "
                + bound
                + ")");
      }
    }
  }

  static void assertClose(double[] expected, Tensor actual, DType dtype, String what) {
    assertClose(expected, null, actual, dtype, what);
  }

  static int[] unravel(int flat, int[] dims) {
    int[] index = new int[dims.length];
    for (int i = dims.length - 1; i >= 0; i--) {
      index[i] = flat % dims[i];
      flat /= dims[i];
    }
    return index;
  }

  static int ravel(int[] index, int[] dims) {
    int flat = 0;
    for (int i = 0; i < dims.length; i++) {
      flat = flat * dims[i] + index[i];
    }
    return flat;
  }
}
