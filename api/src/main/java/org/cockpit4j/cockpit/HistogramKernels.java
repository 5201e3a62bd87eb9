package org.cockpit4j.cockpit;

import org.cockpit4j.quantity.HistogramBins;

/**
 * Host loops that histogram per-sample gradient entries {@code scale·G_n,j} without forming them
 * where the layer has a compact form.
 *
 * <p>Dense kernels visit every value. The outer-product kernels serve a linear weight, whose
 * per-sample gradient entries are {@code scale·(δ_no·x_ni)}: for a fixed {@code (n, o)} that value
 * is monotone in {@code x_ni} (floating-point products and the bin rules are monotone), so the
 * entries of one bin are the {@code x_ni} between two thresholds. Rows {@code (n, o)} whose entries
 * all fall into one bin, the common case, cost O(1) (1-D) or O(bins) (2-D); the others count each
 * bin with a search over the sample's {@link SortedRow} (sorted once per sample, in about linear
 * time), evaluating the same arithmetic as a direct loop, so the counts equal the direct loop's
 * exactly. NaN entries are skipped (as {@code torch.histc} does); rows with non-finite inputs take
 * the direct loop.
 */
final class HistogramKernels {
  private HistogramKernels() {}

  /** The value of a per-sample linear-weight entry, evaluated as the original does. */
  private static double entry(double scale, double delta, double input) {
    return scale * (delta * input);
  }

  /**
   * "The bin of the entry is below k" (ascending rows, {@code δ > 0}) or "at least k" (descending
   * rows), as a predicate on the input: a comparison of the entry with the bins' exact threshold of
   * bin k ({@link HistogramBins#histcThreshold}), which is the index rule itself.
   */
  private static final class BinTest implements SortedRow.Below {
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
      return binOfEntry(entry(scale, a, x));
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
      double value = entry(scale, a, x);
      return a > 0 ? value < threshold : value >= threshold;
    }

    /**
     * The number of the row's smallest inputs that satisfy this predicate for bin {@code target}:
     * the entries with a bin below {@code target} if {@code delta > 0}, at or above it otherwise.
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
          count += entry(scale, a, input[offset + i]) < threshold ? 1 : 0;
        }
      } else {
        for (int i = 0; i < inputs; i++) {
          count += entry(scale, a, input[offset + i]) >= threshold ? 1 : 0;
        }
      }
      return count;
    }

    /**
     * The bins of the row's smallest and largest entries, {@code [first, last]} into {@code out};
     * for a row within one bin only one index rule is evaluated.
     */
    void span(double delta, double smallestInput, double largestInput, int[] out) {
      double low = entry(scale, delta, delta > 0 ? smallestInput : largestInput);
      double high = entry(scale, delta, delta > 0 ? largestInput : smallestInput);
      int last = binOfEntry(high);
      out[1] = last;
      out[0] = low >= threshold(last) ? last : binOfEntry(low);
    }
  }

  /** Min, max and finiteness of a row, for the fast paths. */
  static final class RowRange {
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
     * largest negative and the smallest positive value (the entries' sign change: the common case
     * of a boundary at zero), else −1. Exact: monotone predicates are checked at those two values
     * and at zero.
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

  /** About how many evaluations one bin count costs, against one per entry for a direct loop. */
  private static int searchCost(int inputs) {
    return 4;
  }

  // ---- 1-D --------------------------------------------------------------------------------

  /** Adds the histc bins of {@code scale·values[j]}, {@code from ≤ j < to}, to {@code counts}. */
  static void dense(
      double[] values, int from, int to, double scale, HistogramBins bins, double[] counts) {
    CentralBins central = new CentralBins(bins);
    for (int j = from; j < to; j++) {
      central.add(scale * values[j], counts);
    }
    central.addTo(counts);
  }

  /** As {@link #dense(double[], int, int, double, HistogramBins, double[])} for float values. */
  static void dense(
      float[] values, int from, int to, double scale, HistogramBins bins, double[] counts) {
    CentralBins central = new CentralBins(bins);
    for (int j = from; j < to; j++) {
      central.add(scale * values[j], counts);
    }
    central.addTo(counts);
  }

  /**
   * Counts values into the zero bin and the one below it (where small gradient entries fall) with
   * two comparisons against the bins' exact thresholds, kept in two counters; other values take the
   * index rule. NaN is skipped.
   */
  private static final class CentralBins {
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

  /**
   * Adds the histc bins of {@code scale·(δ[n,o]·x[n,i])} over samples {@code from ≤ n < to} and all
   * o, i.
   *
   * @param delta {@code [N, O]} row-major
   * @param input {@code [N, I]} row-major
   */
  static void outerProduct(
      double[] delta,
      double[] input,
      int from,
      int to,
      int outputs,
      int inputs,
      double scale,
      HistogramBins bins,
      double[] counts) {
    OuterProductCounter counter =
        new OuterProductCounter(delta, input, outputs, inputs, scale, bins, counts);
    for (int n = from; n < to; n++) {
      counter.sample(n);
    }
  }

  /**
   * The 1-D outer-product count, one sample at a time, in small methods (so that the JIT compiles
   * each loop on its own profile early, rather than one large method by on-stack replacement).
   */
  private static final class OuterProductCounter {
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
          directRow(delta[n * outputs + o], input, offset, inputs, scale, bins, counts);
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
            (entry(scale, a, lowInput[positive]) >= belowZeroBin ? 1 : 0)
                & (entry(scale, a, highInput[positive]) < aboveZeroBin ? 1 : 0)
                & (entry(scale, a, splitInput[positive]) < zeroBinStart ? 1 : 0)
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
      boolean sortInput = boundaries > DIRECT_BOUNDARIES;
      boolean built = false;
      int searchCost = searchCost(inputs);
      for (int r = 0; r < otherCount; r++) {
        double a = delta[rowBase + others[r]];
        if (!Double.isFinite(a)) {
          directRow(a, input, offset, inputs, scale, bins, counts);
          continue;
        }
        int first = firsts[r];
        int last = lasts[r];
        if (first == last) {
          counts[first] += inputs;
        } else if ((long) (last - first) * searchCost > inputs) {
          directRow(a, input, offset, inputs, scale, bins, counts);
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

  /**
   * Up to this many bin boundaries in a sample's rows are counted by evaluating every input rather
   * than on the sorted input (sorting costs about as much as a dozen such passes).
   */
  private static final int DIRECT_BOUNDARIES = 12;

  private static void directRow(
      double a,
      double[] input,
      int offset,
      int inputs,
      double scale,
      HistogramBins bins,
      double[] counts) {
    for (int i = 0; i < inputs; i++) {
      double x = entry(scale, a, input[offset + i]);
      if (!Double.isNaN(x)) {
        counts[bins.clampedHistcIndex(x)]++;
      }
    }
  }

  // ---- 2-D --------------------------------------------------------------------------------

  /**
   * Per-entry bins of the parameter values ({@code -1} for NaN) with {@code parameterBins}'
   * centre-clamped rule.
   */
  static int[] parameterBins(double[] theta, HistogramBins parameterBins) {
    int[] bins = new int[theta.length];
    for (int j = 0; j < theta.length; j++) {
      bins[j] = Double.isNaN(theta[j]) ? -1 : parameterBins.centreClampedIndex(theta[j]);
    }
    return bins;
  }

  /**
   * Adds the pairs {@code (scale·values[n,j], θ_j)}, {@code from ≤ n < to}, to {@code counts
   * [xBins, yBins]}.
   *
   * @param values {@code [N, P]} row-major
   * @param thetaBins {@link #parameterBins} of θ ({@code [P]})
   */
  static void dense2d(
      double[] values,
      int from,
      int to,
      int size,
      int[] thetaBins,
      double scale,
      HistogramBins gradientBins,
      int parameterBinCount,
      long[] counts) {
    for (int n = from; n < to; n++) {
      for (int j = 0; j < size; j++) {
        double x = scale * values[n * size + j];
        int yBin = thetaBins[j];
        if (!Double.isNaN(x) && yBin >= 0) {
          counts[gradientBins.centreClampedIndex(x) * parameterBinCount + yBin]++;
        }
      }
    }
  }

  /**
   * Adds the pairs {@code (scale·δ[n,o]·x[n,i], θ[o,i])}, {@code from ≤ n < to}, to {@code counts
   * [xBins, yBins]}. A row {@code (n, o)} whose entries share one gradient bin adds the histogram
   * of {@code θ[o, :]} to that bin (deferred: counted per (bin, o) and multiplied out once at the
   * end). A row spanning several gradient bins counts, for each bin boundary, the entries below it
   * ({@link SortedRow#countBelow}) as a bit set of positions, and intersects it with the positions
   * of each parameter bin present in {@code θ[o, :]} (bit counts), so no entry is visited.
   *
   * @param thetaBins {@link #parameterBins} of the weight {@code [O, I]}
   */
  static void outerProduct2d(
      double[] delta,
      double[] input,
      int from,
      int to,
      int outputs,
      int inputs,
      int[] thetaBins,
      double scale,
      HistogramBins gradientBins,
      int parameterBinCount,
      long[] counts) {
    ParameterRows rows = new ParameterRows(thetaBins, outputs, inputs, parameterBinCount);
    int gradientBinCount = gradientBins.count();
    long[] wholeRows = new long[gradientBinCount * outputs];
    BinTest test = new BinTest(gradientBins, true, scale);
    SortedRow row = new SortedRow();
    RowRange range = new RowRange();
    int[] span = new int[2];
    int zeroBin = gradientBins.centreClampedIndex(0.0);
    int searchCost = searchCost(inputs);
    int words = (inputs + 63) >>> 6;
    long[] mask = new long[words];
    long[] below = new long[parameterBinCount];
    long[] previous = new long[parameterBinCount];
    for (int n = from; n < to; n++) {
      int offset = n * inputs;
      range.of(input, offset, inputs);
      boolean built = false;
      for (int o = 0; o < outputs; o++) {
        double a = delta[n * outputs + o];
        int rowOffset = o * inputs;
        if (!range.finite || !Double.isFinite(a)) {
          direct2dRow(
              a, input, offset, inputs, thetaBins, rowOffset, test, parameterBinCount, counts);
          continue;
        }
        if (a == 0.0) {
          wholeRows[zeroBin * outputs + o]++;
          continue;
        }
        test.span(a, range.smallest, range.largest, span);
        int first = span[0];
        int last = span[1];
        if (first == last) {
          wholeRows[first * outputs + o]++;
          continue;
        }
        if ((long) (last - first) * searchCost > inputs) {
          direct2dRow(
              a, input, offset, inputs, thetaBins, rowOffset, test, parameterBinCount, counts);
          continue;
        }
        int[] present = rows.present(o);
        int presentCount = rows.presentCount(o);
        // below[y]: entries of θ-bin y with a gradient bin below the current boundary k.
        for (int p = 0; p < presentCount; p++) {
          previous[present[p]] = 0;
        }
        for (int k = first + 1; k <= last; k++) {
          int rank = range.countAtZeroCrossing(test.at(a, k));
          if (rank >= 0) {
            range.zeroCrossingMask(rank, mask);
          } else {
            if (!built) {
              row.build(input, offset, inputs, range.smallest, range.largest);
              built = true;
            }
            row.belowMask(test.countBinsBelowRank(row, a, k), mask);
          }
          for (int p = 0; p < presentCount; p++) {
            int y = present[p];
            long inside = rows.intersection(o, p, mask, words);
            long binBelow = a > 0 ? inside : rows.histogram(o, y) - inside;
            counts[(k - 1) * parameterBinCount + y] += binBelow - previous[y];
            previous[y] = binBelow;
          }
        }
        // The last bin holds the rest of the row: the whole row is deferred, minus the others.
        wholeRows[last * outputs + o]++;
        for (int p = 0; p < presentCount; p++) {
          int y = present[p];
          counts[last * parameterBinCount + y] -= previous[y];
        }
      }
    }
    for (int bin = 0; bin < gradientBinCount; bin++) {
      for (int o = 0; o < outputs; o++) {
        long times = wholeRows[bin * outputs + o];
        if (times != 0) {
          int[] present = rows.present(o);
          for (int p = 0; p < rows.presentCount(o); p++) {
            int y = present[p];
            counts[bin * parameterBinCount + y] += times * rows.histogram(o, y);
          }
        }
      }
    }
  }

  /**
   * Per weight row {@code o}: the histogram of its parameter bins, the bins present, and for each
   * present bin the bit set of its positions.
   */
  private static final class ParameterRows {
    private final int parameterBinCount;
    private final int words;
    private final long[] histograms;
    private final int[][] present;
    private final int[] presentCount;
    private final int[] maskOffset;
    private final long[] masks;

    ParameterRows(int[] thetaBins, int outputs, int inputs, int parameterBinCount) {
      this.parameterBinCount = parameterBinCount;
      this.words = (inputs + 63) >>> 6;
      histograms = new long[outputs * parameterBinCount];
      present = new int[outputs][];
      presentCount = new int[outputs];
      maskOffset = new int[outputs + 1];
      for (int o = 0; o < outputs; o++) {
        int base = o * parameterBinCount;
        for (int i = 0; i < inputs; i++) {
          int yBin = thetaBins[o * inputs + i];
          if (yBin >= 0) {
            histograms[base + yBin]++;
          }
        }
        int count = 0;
        for (int y = 0; y < parameterBinCount; y++) {
          count += histograms[base + y] > 0 ? 1 : 0;
        }
        present[o] = new int[count];
        count = 0;
        for (int y = 0; y < parameterBinCount; y++) {
          if (histograms[base + y] > 0) {
            present[o][count++] = y;
          }
        }
        presentCount[o] = count;
        maskOffset[o + 1] = maskOffset[o] + count * words;
      }
      masks = new long[maskOffset[outputs]];
      int[] slot = new int[parameterBinCount];
      for (int o = 0; o < outputs; o++) {
        for (int p = 0; p < presentCount[o]; p++) {
          slot[present[o][p]] = p;
        }
        for (int i = 0; i < inputs; i++) {
          int yBin = thetaBins[o * inputs + i];
          if (yBin >= 0) {
            masks[maskOffset[o] + slot[yBin] * words + (i >>> 6)] |= 1L << i;
          }
        }
      }
    }

    int[] present(int o) {
      return present[o];
    }

    int presentCount(int o) {
      return presentCount[o];
    }

    long histogram(int o, int y) {
      return histograms[o * parameterBinCount + y];
    }

    /** The number of positions in {@code mask} and in present bin number {@code p} of row o. */
    long intersection(int o, int p, long[] mask, int length) {
      int base = maskOffset[o] + p * words;
      long total = 0;
      for (int w = 0; w < length; w++) {
        total += Long.bitCount(mask[w] & masks[base + w]);
      }
      return total;
    }
  }

  private static void direct2dRow(
      double a,
      double[] input,
      int offset,
      int inputs,
      int[] thetaBins,
      int rowOffset,
      BinTest test,
      int parameterBinCount,
      long[] counts) {
    test.at(a, 0);
    for (int i = 0; i < inputs; i++) {
      double x = input[offset + i];
      int yBin = thetaBins[rowOffset + i];
      if (!Double.isNaN(a * x) && yBin >= 0) {
        counts[test.bin(x) * parameterBinCount + yBin]++;
      }
    }
  }
}
