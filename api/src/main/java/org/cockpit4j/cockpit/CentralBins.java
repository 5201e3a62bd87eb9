package org.cockpit4j.cockpit;

import org.cockpit4j.quantity.HistogramBins;

/**
 * Counts values into the zero bin and the one below it (where small gradient entries fall) with two
 * comparisons against the bins' exact thresholds, kept in two counters; other values take the index
 * rule. NaN is skipped.
 */
final class CentralBins {
  private final HistogramBins bins;
  private final int zeroBin;
  private final double low;
  private final double middle;
  private final double high;
  private long below;
  private long at;

  CentralBins(HistogramBins bins) {
    this.bins = bins;
    this.zeroBin = bins.clampedHistcIndex(0.0);
    this.low = bins.histcThreshold(zeroBin - 1);
    this.middle = bins.histcThreshold(zeroBin);
    this.high = bins.histcThreshold(zeroBin + 1);
  }

  void add(double x, double[] counts) {
    if (x >= low && x < high) {
      int lower = x < middle ? 1 : 0;
      below += lower;
      at += 1 - lower;
    } else if (!Double.isNaN(x)) {
      counts[bins.clampedHistcIndex(x)]++;
    }
  }

  /** Adds the two counters (the one below is empty when the zero bin is the first). */
  void addTo(double[] counts) {
    if (below > 0) {
      counts[zeroBin - 1] += below;
    }
    counts[zeroBin] += at;
  }
}
