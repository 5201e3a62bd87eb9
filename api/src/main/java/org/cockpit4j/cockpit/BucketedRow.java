package org.cockpit4j.cockpit;

/**
 * One row of values (a sample's layer input) grouped by a counting pass into buckets ordered by
 * value, in linear time and without sorting: equal-width buckets over the negative values, one
 * bucket for the exact zeros (ReLU outputs are full of them), equal-width buckets over the positive
 * values. Each non-empty bucket knows its smallest and largest value. A predicate that is monotone
 * in the value ("true below some threshold") is then counted by locating the bucket of a threshold
 * estimate, checking the neighbours' extremes, and evaluating the predicate on the few values of
 * the one bucket that straddles the threshold, so the count is exact. Values must be finite.
 * Reusable: {@link #build} overwrites the previous row.
 */
final class BucketedRow {
  /** A predicate on values that is true exactly for the values below some threshold. */
  interface Below {
    boolean test(double value);
  }

  private double[] source;
  private int offset;
  private int length;
  private double minimum;
  private double maximum;
  private int negativeBuckets;
  private int positiveBuckets;
  private double negativeScale;
  private double positiveScale;
  private int[] gridCounts = new int[0];
  private int[] gridToCompact = new int[0];
  private int[] bucketOf = new int[0];
  private int count;
  private int[] starts = new int[1];
  private double[] lows = new double[0];
  private double[] highs = new double[0];
  private int[] order = new int[0];

  /**
   * Groups {@code values[offset..offset+length)}, whose extremes are {@code min} and {@code max}.
   */
  void build(double[] values, int rowOffset, int rowLength, double min, double max) {
    source = values;
    offset = rowOffset;
    length = rowLength;
    minimum = min;
    maximum = max;
    int negatives = 0;
    int positives = 0;
    for (int i = 0; i < rowLength; i++) {
      double value = values[rowOffset + i];
      negatives += value < 0 ? 1 : 0;
      positives += value > 0 ? 1 : 0;
    }
    negativeBuckets = Math.max(1, negatives / 2);
    positiveBuckets = Math.max(1, positives / 2);
    negativeScale = min < 0 ? negativeBuckets / -min : 0;
    positiveScale = max > 0 ? positiveBuckets / max : 0;
    int grid = negativeBuckets + 1 + positiveBuckets;
    if (gridCounts.length < grid) {
      gridCounts = new int[grid];
      gridToCompact = new int[grid + 1];
      starts = new int[grid + 1];
      lows = new double[grid];
      highs = new double[grid];
    } else {
      java.util.Arrays.fill(gridCounts, 0, grid, 0);
    }
    if (bucketOf.length < rowLength) {
      bucketOf = new int[rowLength];
      order = new int[rowLength];
    }
    for (int i = 0; i < rowLength; i++) {
      int bucket = gridBucket(values[rowOffset + i]);
      bucketOf[i] = bucket;
      gridCounts[bucket]++;
    }
    // Compact the non-empty buckets; gridCounts then serves as each bucket's write cursor.
    int compact = 0;
    int position = 0;
    for (int b = 0; b < grid; b++) {
      gridToCompact[b] = compact;
      int size = gridCounts[b];
      if (size > 0) {
        starts[compact] = position;
        lows[compact] = Double.POSITIVE_INFINITY;
        highs[compact] = Double.NEGATIVE_INFINITY;
        gridCounts[b] = position;
        position += size;
        compact++;
      }
    }
    gridToCompact[grid] = compact;
    starts[compact] = position;
    count = compact;
    for (int i = 0; i < rowLength; i++) {
      int bucket = bucketOf[i];
      order[gridCounts[bucket]++] = i;
      int j = gridToCompact[bucket];
      double value = values[rowOffset + i];
      lows[j] = Math.min(lows[j], value);
      highs[j] = Math.max(highs[j], value);
    }
  }

  /** The grid bucket of a value (monotone in the value), computed without branches. */
  private int gridBucket(double value) {
    int negative =
        Math.min(negativeBuckets - 1, Math.max(0, (int) ((value - minimum) * negativeScale)));
    int positive =
        negativeBuckets
            + 1
            + Math.min(positiveBuckets - 1, Math.max(0, (int) (value * positiveScale)));
    int bucket = value > 0 ? positive : negativeBuckets;
    return value < 0 ? negative : bucket;
  }

  /** Number of non-empty buckets. */
  int buckets() {
    return count;
  }

  /** First position of bucket {@code j}; {@code start(buckets())} is the row length. */
  int start(int j) {
    return starts[j];
  }

  double low(int j) {
    return lows[j];
  }

  double high(int j) {
    return highs[j];
  }

  /** The row index (0-based) of the element at {@code position}. */
  int element(int position) {
    return order[position];
  }

  /** The value at {@code position}. */
  double value(int position) {
    return source[offset + order[position]];
  }

  /** The first non-empty bucket at or after the grid bucket of {@code value}. */
  private int compactBucket(double value) {
    if (!(value > minimum)) {
      return 0;
    }
    if (!(value < maximum)) {
      return count - 1;
    }
    return gridToCompact[gridBucket(value)];
  }

  /**
   * The first bucket whose largest value fails {@code below} (all earlier buckets satisfy it
   * entirely), searching from the bucket of {@code estimate}.
   */
  int firstBucketWithHighNotBelow(Below below, double estimate) {
    int j = Math.min(compactBucket(estimate), count);
    while (j > 0 && !below.test(highs[j - 1])) {
      j--;
    }
    while (j < count && below.test(highs[j])) {
      j++;
    }
    return j;
  }

  /** The first bucket whose smallest value fails {@code below}, searching from the estimate. */
  int firstBucketWithLowNotBelow(Below below, double estimate) {
    int j = Math.min(compactBucket(estimate), count);
    while (j > 0 && !below.test(lows[j - 1])) {
      j--;
    }
    while (j < count && below.test(lows[j])) {
      j++;
    }
    return j;
  }

  /**
   * How many values satisfy {@code below}, starting the search at the bucket of {@code estimate}, a
   * value near the threshold: exact whatever the estimate, fast when it is close.
   */
  int countBelow(Below below, double estimate) {
    int j = firstBucketWithHighNotBelow(below, estimate);
    if (j == count) {
      return length;
    }
    int total = starts[j];
    if (below.test(lows[j])) {
      for (int position = starts[j]; position < starts[j + 1]; position++) {
        if (below.test(value(position))) {
          total++;
        }
      }
    }
    return total;
  }
}
