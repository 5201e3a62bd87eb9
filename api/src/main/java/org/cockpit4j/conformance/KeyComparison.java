package org.cockpit4j.conformance;

import org.cockpit4j.reference.TensorData;
import org.cockpit4j.reference.Tolerance;
import org.cockpit4j.reference.ToleranceReport;

/** Accumulates the comparisons of one key over steps and parameters into a {@link CheckRow}. */
final class KeyComparison {
  private final String caseName;
  private final String key;
  private final Tolerance tolerance;
  private int count;
  private int failures;
  private double maxRelativeError;
  private double worstRatio;
  private String detail = "";

  KeyComparison(String caseName, String key, Tolerance tolerance) {
    this.caseName = caseName;
    this.key = key;
    this.tolerance = tolerance;
  }

  /** Compares one tensor; {@code where} names it (e.g. {@code steps[2].backpack.grad[1]}). */
  void compare(String where, TensorData actual, TensorData expected) {
    if (actual == null) {
      mismatch(where, "no value was computed");
      return;
    }
    if (!actual.shape().equals(expected.shape())) {
      mismatch(where, "shape " + actual.shape() + " computed, " + expected.shape() + " expected");
      return;
    }
    add(where, tolerance.compare(actual.data(), expected.data()));
  }

  /** Compares numbers element by element; the arrays have one length. */
  void compare(String where, double[] actual, double[] expected) {
    if (actual.length != expected.length) {
      mismatch(where, actual.length + " values computed, " + expected.length + " expected");
      return;
    }
    add(where, tolerance.compare(actual, expected));
  }

  /** Compares one number. */
  void compare(String where, double actual, double expected) {
    add(where, tolerance.compare(actual, expected));
  }

  /** Records a structural mismatch (missing value, wrong shape or count). */
  void mismatch(String where, String what) {
    count++;
    failures++;
    worstRatio = Double.POSITIVE_INFINITY;
    detail = where + ": " + what;
  }

  private void add(String where, ToleranceReport report) {
    count += report.count();
    failures += report.failures();
    maxRelativeError = Math.max(maxRelativeError, report.maxRelativeError());
    if (report.worstRatio() > worstRatio || detail.isEmpty()) {
      if (worstRatio != Double.POSITIVE_INFINITY) {
        worstRatio = Math.max(worstRatio, report.worstRatio());
        detail = report.describe(where);
      }
    }
  }

  CheckRow row() {
    return new CheckRow(
        caseName, key, tolerance, count, failures, maxRelativeError, worstRatio, detail);
  }
}
