package org.cockpit4j.cockpit;

/**
 * One row of values (a sample's layer input) sorted, with the original index of each value: a
 * bucket sort (equal-width value buckets filled by a counting pass, then each bucket sorted by
 * insertion or three-way quicksort), linear in the row length for spread-out values and for rows
 * dominated by one repeated value such as ReLU's zeros. Monotone predicates are then counted by
 * binary search. Values must be finite. Reusable: {@link #build} overwrites the previous row.
 */
final class SortedRow {
  private static final int INSERTION_LIMIT = 24;

  /** A predicate on values that is true exactly for the values below some threshold. */
  interface Below {
    boolean test(double value);
  }

  private int length;
  private double[] sorted = new double[0];
  private int[] order = new int[0];
  private int[] bucketOf = new int[0];
  private int[] bucketStarts = new int[1];
  private int buckets;
  private double minimum;
  private double bucketScale;

  /**
   * Sorts {@code source[offset..offset+length)}, whose extremes are {@code min} and {@code max}.
   */
  void build(double[] source, int offset, int rowLength, double min, double max) {
    length = rowLength;
    if (sorted.length < rowLength) {
      sorted = new double[rowLength];
      order = new int[rowLength];
      bucketOf = new int[rowLength];
    }
    buckets = Math.max(1, Math.min(1 << 16, rowLength / 2));
    if (bucketStarts.length < buckets + 1) {
      bucketStarts = new int[buckets + 1];
    } else {
      java.util.Arrays.fill(bucketStarts, 0, buckets + 1, 0);
    }
    double scale = max > min ? buckets / (max - min) : 0;
    minimum = min;
    bucketScale = scale;
    for (int i = 0; i < rowLength; i++) {
      int bucket = (int) ((source[offset + i] - min) * scale);
      bucket = bucket >= buckets ? buckets - 1 : (bucket < 0 ? 0 : bucket);
      bucketOf[i] = bucket;
      bucketStarts[bucket + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      bucketStarts[b + 1] += bucketStarts[b];
    }
    // bucketStarts[b] is the start of bucket b; it serves as the write cursor, then is restored.
    for (int i = 0; i < rowLength; i++) {
      int bucket = bucketOf[i];
      int position = bucketStarts[bucket]++;
      sorted[position] = source[offset + i];
      order[position] = i;
    }
    for (int b = buckets; b > 0; b--) {
      bucketStarts[b] = bucketStarts[b - 1];
    }
    bucketStarts[0] = 0;
    for (int b = 0; b < buckets; b++) {
      if (bucketStarts[b + 1] - bucketStarts[b] > 1) {
        sortRange(bucketStarts[b], bucketStarts[b + 1] - 1);
      }
    }
  }

  private void sortRange(int low, int high) {
    while (high - low >= INSERTION_LIMIT) {
      // Three-way partition around a median-of-three pivot: < pivot | == pivot | > pivot.
      int middle = (low + high) >>> 1;
      double pivot = median(sorted[low], sorted[middle], sorted[high]);
      int lessEnd = low;
      int scan = low;
      int greaterStart = high;
      while (scan <= greaterStart) {
        double value = sorted[scan];
        if (value < pivot) {
          swap(lessEnd++, scan++);
        } else if (value > pivot) {
          swap(scan, greaterStart--);
        } else {
          scan++;
        }
      }
      if (lessEnd - low < high - greaterStart) {
        sortRange(low, lessEnd - 1);
        low = greaterStart + 1;
      } else {
        sortRange(greaterStart + 1, high);
        high = lessEnd - 1;
      }
    }
    for (int i = low + 1; i <= high; i++) {
      double value = sorted[i];
      int index = order[i];
      int j = i - 1;
      while (j >= low && sorted[j] > value) {
        sorted[j + 1] = sorted[j];
        order[j + 1] = order[j];
        j--;
      }
      sorted[j + 1] = value;
      order[j + 1] = index;
    }
  }

  private void swap(int i, int j) {
    double value = sorted[i];
    sorted[i] = sorted[j];
    sorted[j] = value;
    int index = order[i];
    order[i] = order[j];
    order[j] = index;
  }

  private static double median(double a, double b, double c) {
    if (a < b) {
      return b < c ? b : (a < c ? c : a);
    }
    return a < c ? a : (b < c ? c : b);
  }

  /** The value at sorted position {@code position}. */
  double value(int position) {
    return sorted[position];
  }

  /** The row index (0-based within the row) of the value at {@code position}. */
  int element(int position) {
    return order[position];
  }

  /**
   * How many values satisfy {@code below} (a predicate true exactly below some threshold), starting
   * the search at the bucket of {@code estimate}, a value near the threshold: the answer is exact
   * whatever the estimate, and found in a few steps when it is close.
   */
  int countBelow(Below below, double estimate) {
    int low;
    int high;
    if (!(estimate > minimum)) {
      low = 0;
      high = Math.min(length, bucketStarts[1]);
    } else {
      double bucket = (estimate - minimum) * bucketScale;
      if (bucket >= buckets) {
        low = bucketStarts[buckets - 1];
        high = length;
      } else {
        low = bucketStarts[(int) bucket];
        high = bucketStarts[(int) bucket + 1];
      }
    }
    // The answer lies in [low, high] unless a check at either end says otherwise.
    if (low > 0 && !below.test(sorted[low - 1])) {
      high = low - 1;
      low = 0;
    } else if (high < length && below.test(sorted[high])) {
      low = high + 1;
      high = length;
    }
    return search(below, low, high);
  }

  /** The first position in {@code [low, high]} whose value fails {@code below}. */
  private int search(Below below, int low, int high) {
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (below.test(sorted[middle])) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** How many values satisfy {@code below} (a predicate true exactly below some threshold). */
  int countBelow(Below below) {
    return search(below, 0, length);
  }
}
