package org.cockpit4j.cockpit;

import org.cockpit4j.quantity.HistogramBins;

/**
 * "The bin of the entry is below k" (ascending rows, {@code δ > 0}) or "at least k" (descending
 * rows), as a predicate on the input: a comparison of the entry with the bins' exact threshold of
 * bin k ({@link HistogramBins#histcThreshold}), which is the index rule itself.
 */
final class BinTest implements SortedRow.Below {
  private final HistogramBins bins;
  private final boolean centreRule;
  private final double scale;
  private double a;
  private double threshold;

  BinTest(HistogramBins bins, boolean centreRule, double scale) {
    this.bins = bins;
    this.centreRule = centreRule;
    this.scale = scale;
  }

  int binOfEntry(double value) {
    return centreRule ? bins.centreClampedIndex(value) : bins.clampedHistcIndex(value);
  }

  int bin(double x) {
    return binOfEntry(HistogramKernels.entry(scale, a, x));
  }

  /** The smallest entry value of bin {@code target} or above. */
  double threshold(int target) {
    return centreRule ? bins.centreThreshold(target) : bins.histcThreshold(target);
  }

  /** Points the predicate at row factor {@code delta} and bin {@code target}. */
  BinTest at(double delta, int target) {
    this.a = delta;
    this.threshold = threshold(target);
    return this;
  }

  @Override
  public boolean test(double x) {
    double value = HistogramKernels.entry(scale, a, x);
    return a > 0 ? value < threshold : value >= threshold;
  }

  /**
   * The number of the row's smallest inputs that satisfy this predicate for bin {@code target}: the
   * entries with a bin below {@code target} if {@code delta > 0}, at or above it otherwise.
   */
  int countBinsBelowRank(SortedRow row, double delta, int target) {
    at(delta, target);
    return row.countBelow(this, threshold / (scale * delta));
  }

  /** How many of the inputs satisfy this predicate, by evaluating it on each. */
  int countDirectly(double[] input, int offset, int inputs) {
    int count = 0;
    if (a > 0) {
      for (int i = 0; i < inputs; i++) {
        count += HistogramKernels.entry(scale, a, input[offset + i]) < threshold ? 1 : 0;
      }
    } else {
      for (int i = 0; i < inputs; i++) {
        count += HistogramKernels.entry(scale, a, input[offset + i]) >= threshold ? 1 : 0;
      }
    }
    return count;
  }

  /**
   * The bins of the row's smallest and largest entries, {@code [first, last]} into {@code out}; for
   * a row within one bin only one index rule is evaluated.
   */
  void span(double delta, double smallestInput, double largestInput, int[] out) {
    double low = HistogramKernels.entry(scale, delta, delta > 0 ? smallestInput : largestInput);
    double high = HistogramKernels.entry(scale, delta, delta > 0 ? largestInput : smallestInput);
    int last = binOfEntry(high);
    out[1] = last;
    out[0] = low >= threshold(last) ? last : binOfEntry(low);
  }
}
