package org.cockpit4j.cockpit;

/** Min, max and finiteness of a row, for the fast paths. */
final class RowRange {
  double smallest;
  double largest;
  boolean finite;
  int negatives;
  int zeros;
  double largestNegative;
  double smallestPositive;
  private long[] negativeMask = new long[0];
  private long[] zeroMask = new long[0];
  private boolean masksBuilt;
  private double[] source;
  private int sourceOffset;
  private int sourceLength;

  void of(double[] values, int offset, int length) {
    // Branch-free over order-preserving integer keys of the doubles (a comparison chain on the
    // doubles mispredicts on the random mix of zeros and values of a ReLU output): x < 0 exactly
    // when its key is below key(−0.0) = −1, x ≤ 0 when below key(+0.0) + 1 = 1.
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long largestBelowZero = NEGATIVE_INFINITY_KEY;
    long smallestAboveZero = POSITIVE_INFINITY_KEY;
    int below = 0;
    int notAbove = 0;
    for (int i = 0; i < length; i++) {
      long bits = Double.doubleToRawLongBits(values[offset + i]);
      long key = bits ^ ((bits >> 63) & Long.MAX_VALUE);
      min = Math.min(min, key);
      max = Math.max(max, key);
      largestBelowZero = Math.max(largestBelowZero, key < -1 ? key : NEGATIVE_INFINITY_KEY);
      smallestAboveZero = Math.min(smallestAboveZero, key > 0 ? key : POSITIVE_INFINITY_KEY);
      below += (int) ((key + 1) >>> 63);
      notAbove += (int) ((key - 1) >>> 63);
    }
    // NaN keys lie beyond the infinities' keys.
    finite = length > 0 && min > NEGATIVE_INFINITY_KEY && max < POSITIVE_INFINITY_KEY;
    smallest = fromKey(min);
    largest = fromKey(max);
    negatives = below;
    zeros = notAbove - below;
    largestNegative = fromKey(largestBelowZero);
    smallestPositive = fromKey(smallestAboveZero);
    source = values;
    sourceOffset = offset;
    sourceLength = length;
    masksBuilt = false;
  }

  private static final long NEGATIVE_INFINITY_KEY = key(Double.NEGATIVE_INFINITY);
  private static final long POSITIVE_INFINITY_KEY = key(Double.POSITIVE_INFINITY);

  /** A long whose signed order is the numeric order of the doubles (−0.0 just below +0.0). */
  private static long key(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  private static double fromKey(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }

  /**
   * The number of the row's values satisfying {@code below} if its threshold lies between the
   * largest negative and the smallest positive value (the entries' sign change: the common case of
   * a boundary at zero), else −1. Exact: monotone predicates are checked at those two values and at
   * zero.
   */
  int countAtZeroCrossing(SortedRow.Below below) {
    if (negatives > 0 && !below.test(largestNegative)) {
      return -1;
    }
    if (negatives + zeros < sourceLength && below.test(smallestPositive)) {
      return -1;
    }
    return zeros > 0 && below.test(0.0) ? negatives + zeros : negatives;
  }

  /** The positions of {@link #countAtZeroCrossing}'s values as a bit set into {@code out}. */
  void zeroCrossingMask(int count, long[] out) {
    if (!masksBuilt) {
      int words = (sourceLength + 63) >>> 6;
      if (negativeMask.length < words) {
        negativeMask = new long[words];
        zeroMask = new long[words];
      } else {
        java.util.Arrays.fill(negativeMask, 0, words, 0L);
        java.util.Arrays.fill(zeroMask, 0, words, 0L);
      }
      for (int i = 0; i < sourceLength; i++) {
        double x = source[sourceOffset + i];
        negativeMask[i >>> 6] |= (x < 0 ? 1L : 0L) << i;
        zeroMask[i >>> 6] |= (x == 0 ? 1L : 0L) << i;
      }
      masksBuilt = true;
    }
    int words = (sourceLength + 63) >>> 6;
    boolean withZeros = count > negatives;
    for (int w = 0; w < words; w++) {
      out[w] = withZeros ? negativeMask[w] | zeroMask[w] : negativeMask[w];
    }
  }
}
