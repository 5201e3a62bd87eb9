package org.cockpit4j.examples.cli;

import java.util.Arrays;

/** Small order statistics for benchmark timings. */
final class Statistics {
  private Statistics() {}

  /** The median (mean of the two middle values for an even count). */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
  }

  /** The smallest value. */
  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }
}
