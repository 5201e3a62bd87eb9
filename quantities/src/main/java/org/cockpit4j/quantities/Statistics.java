package org.cockpit4j.quantities;

/** Small float64 statistics shared by the quantities. */
final class Statistics {
  private Statistics() {}

  static double sum(double[] values) {
    double total = 0;
    for (double value : values) {
      total += value;
    }
    return total;
  }

  static double mean(double[] values) {
    return sum(values) / values.length;
  }

  /** The unbiased variance (ddof = 1); NaN for fewer than two values. */
  static double unbiasedVariance(double[] values) {
    int count = values.length;
    if (count < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return squares / (count - 1);
  }

  static double sumOfSquares(double[] values) {
    double total = 0;
    for (double value : values) {
      total += value * value;
    }
    return total;
  }
}
