package org.cockpit4j.cockpit;

/**
 * One row of finite values (a sample's layer input) sorted ascending, in about linear time: a
 * counting pass distributes the values into equal-width cells (one cell per value on average, the
 * negative and positive values separately, the exact zeros, which ReLU outputs are full of, in a
 * cell of their own), then each cell is sorted (insertion sort, a merge sort for crowded cells).
 * The cells also locate a value's rank without a search.
 *
 * <p>A predicate that is monotone in the value ("true below some threshold") is counted exactly
 * ({@link #countBelow}): the rank of an estimate of the threshold is found by comparisons, then
 * confirmed, or corrected by a galloping search, by evaluating the predicate on the neighbours, so
 * the count does not depend on the estimate's accuracy. With {@link #belowMask} the values below a
 * rank are returned as a bit set of row positions (prefix sets are kept every 64 ranks), which the
 * two-dimensional histograms intersect with the positions of each parameter bin. Reusable: {@link
 * #build} overwrites the previous row.
 */
final class SortedRow {
  /** A predicate on values that is true exactly for the values below some threshold. */
  interface Below {
    boolean test(double value);
  }

  private static final int INSERTION_LIMIT = 24;

  private int length;
  private double minimum;
  private double maximum;
  private int negativeCells;
  private int positiveCells;
  private double negativeScale;
  private double positiveScale;
  private int[] cellOf = new int[0];
  private int[] cellStart = new int[1];
  private double[] values = new double[0];
  private int[] positions = new int[0];
  private double[] scratchValues = new double[0];
  private int[] scratchPositions = new int[0];
  private int words;
  private long[] prefixMasks = new long[0];
  private boolean masksBuilt;

  /**
   * Sorts {@code source[offset..offset+rowLength)}, whose extremes are {@code min} and {@code max}
   * and which holds no NaN or infinity.
   */
  void build(double[] source, int offset, int rowLength, double min, double max) {
    length = rowLength;
    minimum = min;
    maximum = max;
    masksBuilt = false;
    int negatives = 0;
    int positives = 0;
    for (int i = 0; i < rowLength; i++) {
      double value = source[offset + i];
      negatives += value < 0 ? 1 : 0;
      positives += value > 0 ? 1 : 0;
    }
    negativeCells = Math.max(1, negatives);
    positiveCells = Math.max(1, positives);
    negativeScale = min < 0 ? negativeCells / -min : 0;
    positiveScale = max > 0 ? positiveCells / max : 0;
    int cells = negativeCells + 1 + positiveCells;
    if (cellStart.length < cells + 1) {
      cellStart = new int[cells + 1];
    } else {
      java.util.Arrays.fill(cellStart, 0, cells + 1, 0);
    }
    if (values.length < rowLength) {
      values = new double[rowLength];
      positions = new int[rowLength];
      cellOf = new int[rowLength];
    }
    for (int i = 0; i < rowLength; i++) {
      int cell = cell(source[offset + i]);
      cellOf[i] = cell;
      cellStart[cell + 1]++;
    }
    for (int c = 0; c < cells; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    // Distribute, using cellOf as the write cursors' source: cursor of cell c = cellStart[c] + k.
    int[] cursor = cursors(cells);
    for (int i = 0; i < rowLength; i++) {
      int target = cursor[cellOf[i]]++;
      values[target] = source[offset + i];
      positions[target] = i;
    }
    // Cells are sorted when first looked into; the zero cell holds equal values.
    build++;
    if (sortedIn.length < cells) {
      sortedIn = new int[Math.max(cells, 2 * sortedIn.length)];
    }
    sortedIn[negativeCells] = build;
  }

  private int build;
  private int[] sortedIn = new int[0];

  /** Sorts cell {@code c} unless it is sorted already in this build. */
  private void ensureSorted(int c) {
    if (sortedIn[c] != build) {
      sortedIn[c] = build;
      int from = cellStart[c];
      int to = cellStart[c + 1];
      if (to - from > 1) {
        sortCell(from, to);
      }
    }
  }

  /** The value of rank {@code rank}, its cell sorted first. */
  private double sortedValue(int rank) {
    ensureSorted(cellOf[positions[rank]]);
    return values[rank];
  }

  private int[] cursorBuffer = new int[0];

  private int[] cursors(int cells) {
    if (cursorBuffer.length < cells) {
      cursorBuffer = new int[cells];
    }
    System.arraycopy(cellStart, 0, cursorBuffer, 0, cells);
    return cursorBuffer;
  }

  /** The cell of a value (monotone in the value). */
  private int cell(double value) {
    int negative =
        Math.min(negativeCells - 1, Math.max(0, (int) ((value - minimum) * negativeScale)));
    int positive =
        negativeCells + 1 + Math.min(positiveCells - 1, Math.max(0, (int) (value * positiveScale)));
    int cell = value > 0 ? positive : negativeCells;
    return value < 0 ? negative : cell;
  }

  private void sortCell(int from, int to) {
    if (to - from <= INSERTION_LIMIT) {
      for (int i = from + 1; i < to; i++) {
        double value = values[i];
        int position = positions[i];
        int j = i - 1;
        while (j >= from && values[j] > value) {
          values[j + 1] = values[j];
          positions[j + 1] = positions[j];
          j--;
        }
        values[j + 1] = value;
        positions[j + 1] = position;
      }
      return;
    }
    if (scratchValues.length < to - from) {
      scratchValues = new double[Math.max(to - from, length)];
      scratchPositions = new int[scratchValues.length];
    }
    mergeSort(from, to);
  }

  /** Stable merge sort of {@code [from, to)} by value, through the scratch arrays. */
  private void mergeSort(int from, int to) {
    if (to - from <= INSERTION_LIMIT) {
      sortCell(from, to);
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(from, middle);
    mergeSort(middle, to);
    if (values[middle - 1] <= values[middle]) {
      return;
    }
    int left = from;
    int right = middle;
    int out = 0;
    while (left < middle && right < to) {
      if (values[right] < values[left]) {
        scratchValues[out] = values[right];
        scratchPositions[out++] = positions[right++];
      } else {
        scratchValues[out] = values[left];
        scratchPositions[out++] = positions[left++];
      }
    }
    while (left < middle) {
      scratchValues[out] = values[left];
      scratchPositions[out++] = positions[left++];
    }
    System.arraycopy(scratchValues, 0, values, from, out);
    System.arraycopy(scratchPositions, 0, positions, from, out);
  }

  /** The row length. */
  int length() {
    return length;
  }

  /** The value of rank {@code rank} (ascending). */
  double value(int rank) {
    return sortedValue(rank);
  }

  /** The row position of the value of rank {@code rank}. */
  int position(int rank) {
    ensureSorted(cellOf[positions[rank]]);
    return positions[rank];
  }

  /** How many values are below {@code value}, by comparisons. */
  int rankOf(double value) {
    if (!(value > minimum)) {
      return 0;
    }
    if (value > maximum) {
      return length;
    }
    int c = cell(value);
    ensureSorted(c);
    int rank = cellStart[c];
    int end = cellStart[c + 1];
    while (rank < end && values[rank] < value) {
      rank++;
    }
    return rank;
  }

  /**
   * How many values satisfy {@code below}, starting at the rank of {@code estimate}, a value near
   * the threshold: exact whatever the estimate (even NaN), fast when it is close.
   */
  int countBelow(Below below, double estimate) {
    int rank = rankOf(estimate);
    if (rank > 0 && !below.test(sortedValue(rank - 1))) {
      // The partition point is below: gallop down to a value that satisfies the predicate.
      int high = rank - 1;
      int step = 1;
      int low = high - step;
      while (low >= 0 && !below.test(sortedValue(low))) {
        high = low;
        step <<= 1;
        low = high - step;
      }
      return partition(below, Math.max(low, -1), high);
    }
    if (rank < length && below.test(sortedValue(rank))) {
      int low = rank;
      int step = 1;
      int high = low + step;
      while (high < length && below.test(sortedValue(high))) {
        low = high;
        step <<= 1;
        high = low + step;
      }
      return partition(below, low, Math.min(high, length));
    }
    return rank;
  }

  /**
   * The first rank failing {@code below} in {@code (low, high]}, where rank {@code low} satisfies
   * it (or is −1) and rank {@code high} fails it (or is the length).
   */
  private int partition(Below below, int low, int high) {
    while (high - low > 1) {
      int middle = (low + high) >>> 1;
      if (below.test(sortedValue(middle))) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return high;
  }

  /** Number of 64-bit words of a bit set over the row positions. */
  int words() {
    return (length + 63) >>> 6;
  }

  /**
   * Writes the row positions of the {@code rank} smallest values as a bit set into {@code
   * out[0..words())}.
   */
  void belowMask(int rank, long[] out) {
    if (!masksBuilt) {
      buildMasks();
    }
    int block = rank >>> 6;
    int from = block << 6;
    if (rank - from <= 32 || from + 64 > length) {
      System.arraycopy(prefixMasks, block * words, out, 0, words);
      for (int r = from; r < rank; r++) {
        int position = positions[r];
        out[position >>> 6] |= 1L << position;
      }
    } else {
      System.arraycopy(prefixMasks, (block + 1) * words, out, 0, words);
      for (int r = rank; r < from + 64; r++) {
        int position = positions[r];
        out[position >>> 6] &= ~(1L << position);
      }
    }
  }

  private void buildMasks() {
    words = words();
    int blocks = (length >>> 6) + 1;
    if (prefixMasks.length < blocks * words) {
      prefixMasks = new long[blocks * words];
    }
    java.util.Arrays.fill(prefixMasks, 0, words, 0L);
    for (int block = 1; block < blocks; block++) {
      int boundary = block << 6;
      if (boundary < length) {
        ensureSorted(cellOf[positions[boundary]]); // its cell may straddle the boundary
      }
      System.arraycopy(prefixMasks, (block - 1) * words, prefixMasks, block * words, words);
      int base = block * words;
      for (int r = (block - 1) << 6; r < block << 6; r++) {
        int position = positions[r];
        prefixMasks[base + (position >>> 6)] |= 1L << position;
      }
    }
    masksBuilt = true;
  }
}
