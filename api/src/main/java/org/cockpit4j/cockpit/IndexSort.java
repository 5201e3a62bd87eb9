package org.cockpit4j.cockpit;

/** Sorting helpers on primitive arrays (no boxing): an argsort for the histogram kernels. */
final class IndexSort {
  private static final int INSERTION_THRESHOLD = 16;

  private IndexSort() {}

  /**
   * Fills {@code order[0..length)} with the indices {@code 0..length-1} sorted so that {@code
   * values[offset + order[k]]} ascends (ties in any order; NaN must not occur).
   */
  static void argsort(double[] values, int offset, int length, int[] order) {
    for (int i = 0; i < length; i++) {
      order[i] = i;
    }
    quicksort(values, offset, order, 0, length - 1);
  }

  private static void quicksort(double[] values, int offset, int[] order, int low, int high) {
    while (high - low > INSERTION_THRESHOLD) {
      int middle = (low + high) >>> 1;
      double pivot =
          median(
              values[offset + order[low]],
              values[offset + order[middle]],
              values[offset + order[high]]);
      int i = low;
      int j = high;
      while (i <= j) {
        while (values[offset + order[i]] < pivot) {
          i++;
        }
        while (values[offset + order[j]] > pivot) {
          j--;
        }
        if (i <= j) {
          int swap = order[i];
          order[i] = order[j];
          order[j] = swap;
          i++;
          j--;
        }
      }
      if (j - low < high - i) {
        quicksort(values, offset, order, low, j);
        low = i;
      } else {
        quicksort(values, offset, order, i, high);
        high = j;
      }
    }
    for (int i = low + 1; i <= high; i++) {
      int current = order[i];
      double key = values[offset + current];
      int j = i - 1;
      while (j >= low && values[offset + order[j]] > key) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = current;
    }
  }

  private static double median(double a, double b, double c) {
    if (a < b) {
      return b < c ? b : (a < c ? c : a);
    }
    return a < c ? a : (b < c ? c : b);
  }
}
