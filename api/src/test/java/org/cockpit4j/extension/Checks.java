package org.cockpit4j.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/**
 * Elementwise comparisons {@code |a − b| ≤ atol + rtol·|b|} with messages naming the worst entry.
 */
public final class Checks {
  private Checks() {}

  /** Asserts that {@code actual} matches {@code expected} elementwise. */
  public static void assertClose(
      double[] expected, double[] actual, double rtol, double atol, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    int worst = -1;
    double worstExcess = 0;
    for (int i = 0; i < expected.length; i++) {
      double allowed = atol + rtol * Math.abs(expected[i]);
      double excess = Math.abs(actual[i] - expected[i]) - allowed;
      if (!(excess <= 0) && (worst < 0 || !(excess <= worstExcess))) {
        worst = i;
        worstExcess = excess;
      }
    }
    if (worst >= 0) {
      fail(
          what
              + ": entry "
              + worst
              + " is "
              + actual[worst]
              + ", expected "
              + expected[worst]
              + " (rtol "
              + rtol
              + ", atol "
              + atol
              + ")"
              + (expected.length <= 12
                  ? "; expected " + Arrays.toString(expected) + ", got " + Arrays.toString(actual)
                  : ""));
    }
  }

  /**
   * Asserts closeness relative to the largest magnitude of {@code expected} (for finite-difference
   * and statistical comparisons): {@code |a − b| ≤ tolerance · max(1e-300, max|expected|)}.
   */
  public static void assertCloseToScale(
      double[] expected, double[] actual, double tolerance, String what) {
    double scale = 0;
    for (double value : expected) {
      scale = Math.max(scale, Math.abs(value));
    }
    assertClose(expected, actual, 0.0, tolerance * Math.max(scale, 1e-300), what);
  }

  /** Flattens a matrix row by row. */
  public static double[] flatten(double[][] matrix) {
    int total = 0;
    for (double[] row : matrix) {
      total += row.length;
    }
    double[] flat = new double[total];
    int offset = 0;
    for (double[] row : matrix) {
      System.arraycopy(row, 0, flat, offset, row.length);
      offset += row.length;
    }
    return flat;
  }
}
