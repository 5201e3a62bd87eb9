package org.cockpit4j.cockpit;

import org.cockpit4j.quantity.HistogramBins;

/**
 * The 1-D outer-product count, one sample at a time, in small methods (so that the JIT compiles
 * each loop on its own profile early, rather than one large method by on-stack replacement).
 */
final class OuterProductCounter {
  private final double[] delta;
  private final double[] input;
  private final int outputs;
  private final int inputs;
  private final double scale;
  private final HistogramBins bins;
  private final double[] counts;
  private final BinTest test;
  private final SortedRow row = new SortedRow();
  private final RowRange range = new RowRange();
  private final int[] span = new int[2];
  private final int zeroBin;
  private final double belowZeroBin;
  private final double zeroBinStart;
  private final double aboveZeroBin;
  private final int[] others;
  private final int[] firsts;
  private final int[] lasts;
  private final double[] lowInput = new double[2];
  private final double[] highInput = new double[2];
  private final double[] splitInput = new double[2];
  private long zeroRows;
  private long negativeInputRows;
  private long positiveInputRows;

  OuterProductCounter(
      double[] delta,
      double[] input,
      int outputs,
      int inputs,
      double scale,
      HistogramBins bins,
      double[] counts) {
    this.delta = delta;
    this.input = input;
    this.outputs = outputs;
    this.inputs = inputs;
    this.scale = scale;
    this.bins = bins;
    this.counts = counts;
    this.test = new BinTest(bins, false, scale);
    this.zeroBin = bins.clampedHistcIndex(0.0);
    this.belowZeroBin = bins.histcThreshold(zeroBin - 1);
    this.zeroBinStart = bins.histcThreshold(zeroBin);
    this.aboveZeroBin = bins.histcThreshold(zeroBin + 1);
    this.others = new int[outputs];
    this.firsts = new int[outputs];
    this.lasts = new int[outputs];
  }

  void sample(int n) {
    int offset = n * inputs;
    range.of(input, offset, inputs);
    if (!range.finite) {
      for (int o = 0; o < outputs; o++) {
        HistogramKernels.directRow(
            delta[n * outputs + o], input, offset, inputs, scale, bins, counts);
      }
      return;
    }
    int otherCount = classify(n * outputs);
    int negatives = range.negatives;
    int positives = inputs - negatives - range.zeros;
    if (zeroBin > 0) {
      long below = negativeInputRows * negatives + positiveInputRows * positives;
      counts[zeroBin - 1] += below;
      counts[zeroBin] += (negativeInputRows + positiveInputRows) * inputs - below;
    } else {
      counts[zeroBin] += (negativeInputRows + positiveInputRows) * inputs;
    }
    counts[zeroBin] += (double) zeroRows * inputs;
    if (otherCount > 0) {
      countOthers(n * outputs, offset, otherCount);
    }
  }

  /**
   * Counts the rows of δ (from {@code rowBase}) whose entries all lie in the zero bin and the one
   * below it, split between them at the input's sign change (the common case, counted from the
   * input's sign counts), and the zero rows; lists the others in {@code others}. Branch-free (the
   * signs of δ are random): the inputs giving a row's lowest, highest and sign-change entries are
   * picked by the sign of δ through two-element tables.
   */
  private int classify(int rowBase) {
    lowInput[0] = range.largest;
    lowInput[1] = range.smallest;
    highInput[0] = range.smallest;
    highInput[1] = range.largest;
    splitInput[0] = range.smallestPositive;
    splitInput[1] = range.largestNegative;
    long zero = 0;
    long negativeInput = 0;
    long positiveInput = 0;
    int otherCount = 0;
    for (int o = 0; o < outputs; o++) {
      double a = delta[rowBase + o];
      int positive = a > 0 ? 1 : 0;
      int isZero = a == 0 ? 1 : 0;
      int simple =
          (HistogramKernels.entry(scale, a, lowInput[positive]) >= belowZeroBin ? 1 : 0)
              & (HistogramKernels.entry(scale, a, highInput[positive]) < aboveZeroBin ? 1 : 0)
              & (HistogramKernels.entry(scale, a, splitInput[positive]) < zeroBinStart ? 1 : 0)
              & (1 - isZero);
      negativeInput += simple & positive;
      positiveInput += simple & (1 - positive);
      zero += isZero;
      others[otherCount] = o;
      otherCount += 1 - (simple | isZero);
    }
    zeroRows = zero;
    negativeInputRows = negativeInput;
    positiveInputRows = positiveInput;
    return otherCount;
  }

  /**
   * The other rows: a bin boundary at the sign change costs O(1); the others are counted on the
   * sorted input when the sample has many of them, else by evaluating every input.
   */
  private void countOthers(int rowBase, int offset, int otherCount) {
    double smallest = range.smallest;
    double largest = range.largest;
    int boundaries = 0;
    for (int r = 0; r < otherCount; r++) {
      double a = delta[rowBase + others[r]];
      if (Double.isFinite(a)) {
        test.span(a, smallest, largest, span);
        firsts[r] = span[0];
        lasts[r] = span[1];
        boundaries += span[1] - span[0];
      }
    }
    boolean sortInput = boundaries > HistogramKernels.DIRECT_BOUNDARIES;
    boolean built = false;
    int searchCost = HistogramKernels.searchCost(inputs);
    for (int r = 0; r < otherCount; r++) {
      double a = delta[rowBase + others[r]];
      if (!Double.isFinite(a)) {
        HistogramKernels.directRow(a, input, offset, inputs, scale, bins, counts);
        continue;
      }
      int first = firsts[r];
      int last = lasts[r];
      if (first == last) {
        counts[first] += inputs;
      } else if ((long) (last - first) * searchCost > inputs) {
        HistogramKernels.directRow(a, input, offset, inputs, scale, bins, counts);
      } else {
        int below = 0;
        for (int k = first + 1; k <= last; k++) {
          int rank = range.countAtZeroCrossing(test.at(a, k));
          if (rank < 0) {
            if (!sortInput) {
              rank = test.countDirectly(input, offset, inputs);
            } else {
              if (!built) {
                row.build(input, offset, inputs, smallest, largest);
                built = true;
              }
              rank = test.countBinsBelowRank(row, a, k);
            }
          }
          int count = a > 0 ? rank : inputs - rank;
          counts[k - 1] += count - below;
          below = count;
        }
        counts[last] += inputs - below;
      }
    }
  }
}
