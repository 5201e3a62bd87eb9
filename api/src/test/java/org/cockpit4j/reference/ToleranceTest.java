package org.cockpit4j.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToleranceTest {
  private final Tolerance tolerance = new Tolerance(1e-3, 1e-6);

  @Test
  void appliesAbsolutePlusRelativeBound() {
    assertTrue(tolerance.isClose(1000.9, 1000.0));
    assertFalse(tolerance.isClose(1001.1, 1000.0));
    assertTrue(tolerance.isClose(9e-7, 0.0));
    assertFalse(tolerance.isClose(2e-6, 0.0));
    assertTrue(tolerance.isClose(Double.NaN, Double.NaN));
    assertTrue(tolerance.isClose(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
    assertFalse(tolerance.isClose(Double.NaN, 1.0));
    assertFalse(tolerance.isClose(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    assertTrue(new Tolerance(0, 0).isClose(0.1, 0.1));
    assertFalse(new Tolerance(0, 0).isClose(0.1, Math.nextUp(0.1)));
  }

  @Test
  void reportsTheWorstValueAndTheLargestRelativeError() {
    double[] expected = {1.0, 100.0, 0.0, -2.0};
    double[] actual = {1.0005, 100.2, 5e-7, -2.0};
    ToleranceReport report = tolerance.compare(actual, expected);
    assertEquals(1, report.failures());
    assertFalse(report.passed());
    assertEquals(1, report.worstIndex());
    assertEquals(100.2, report.worstActual());
    assertEquals(2e-3, report.maxRelativeError(), 1e-12);
    assertEquals(0.2, report.maxAbsoluteError(), 1e-12);
    String description = report.describe("grad");
    assertTrue(description.startsWith("grad: 1 of 4 outside"), description);
    assertTrue(description.contains("worst [1]: actual 100.2, expected 100.0"), description);
    assertTrue(tolerance.compare(1.0, 1.0).passed());
    assertThrows(
        IllegalArgumentException.class, () -> tolerance.compare(new double[1], new double[2]));
    assertThrows(IllegalArgumentException.class, () -> new Tolerance(-1, 0));
  }
}
