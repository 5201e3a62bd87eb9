package org.cockpit4j.cockpit;

import java.util.Arrays;
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
 * bin with a search over the sample's {@link BucketedRow} (built once per sample, in linear time),
 * evaluating the same arithmetic as a direct loop, so the counts equal the direct loop's exactly.
 * NaN entries are skipped (as {@code torch.histc} does); rows with non-finite inputs take the
 * direct loop.
 */
final class HistogramKernels {
  private HistogramKernels() {}

  /** The value of a per-sample linear-weight entry, evaluated as the original does. */
  private static double entry(double scale, double delta, double input) {
    return scale * (delta * input);
  }

  /** "The bin of the entry is below k" (ascending) or "at least k" (descending), as a predicate. */
  private static final class BinTest implements BucketedRow.Below {
    private final HistogramBins bins;
    private final boolean centreRule;
    private final double scale;
    private double a;
    private int k;

    BinTest(HistogramBins bins, boolean centreRule, double scale) {
      this.bins = bins;
      this.centreRule = centreRule;
      this.scale = scale;
    }

    int bin(double x) {
      double value = entry(scale, a, x);
      return centreRule ? bins.centreClampedIndex(value) : bins.clampedHistcIndex(value);
    }

    /** Points the predicate at row factor {@code delta} and bin {@code target}. */
    BinTest at(double delta, int target) {
      this.a = delta;
      this.k = target;
      return this;
    }

    @Override
    public boolean test(double x) {
      int bin = bin(x);
      return a > 0 ? bin < k : bin >= k;
    }

    /** The input where the row's entry crosses the lower edge of bin {@code target}, roughly. */
    double edgeInput(int target, double delta) {
      return (bins.low() + target * bins.width()) / (scale * delta);
    }

    /** The number of entries of the row with a bin below {@code target}. */
    int countBinsBelow(BucketedRow row, int length, double delta, int target) {
      double estimate = edgeInput(target, delta);
      at(delta, target);
      int below = row.countBelow(this, estimate);
      return delta > 0 ? below : length - below;
    }
  }

  /** Min, max and finiteness of a row, for the fast paths. */
  private static final class RowRange {
    double smallest;
    double largest;
    boolean finite;

    void of(double[] values, int offset, int length) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      boolean nan = false;
      for (int i = 0; i < length; i++) {
        double x = values[offset + i];
        if (x < min) {
          min = x;
        }
        if (x > max) {
          max = x;
        }
        nan |= x != x;
      }
      smallest = min;
      largest = max;
      finite = !nan && min > Double.NEGATIVE_INFINITY && max < Double.POSITIVE_INFINITY;
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
    for (int j = from; j < to; j++) {
      double x = scale * values[j];
      if (!Double.isNaN(x)) {
        counts[bins.clampedHistcIndex(x)]++;
      }
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
    BinTest test = new BinTest(bins, false, scale);
    BucketedRow row = new BucketedRow();
    RowRange range = new RowRange();
    int zeroBin = bins.clampedHistcIndex(0.0);
    int searchCost = searchCost(inputs);
    for (int n = from; n < to; n++) {
      int offset = n * inputs;
      range.of(input, offset, inputs);
      boolean built = false;
      for (int o = 0; o < outputs; o++) {
        double a = delta[n * outputs + o];
        if (!range.finite || !Double.isFinite(a)) {
          directRow(a, input, offset, inputs, scale, bins, counts);
          continue;
        }
        if (a == 0.0) {
          counts[zeroBin] += inputs;
          continue;
        }
        test.at(a, 0);
        int first = test.bin(a > 0 ? range.smallest : range.largest);
        int last = test.bin(a > 0 ? range.largest : range.smallest);
        if (first == last) {
          counts[first] += inputs;
        } else if ((long) (last - first) * searchCost > inputs) {
          directRow(a, input, offset, inputs, scale, bins, counts);
        } else {
          if (!built) {
            row.build(input, offset, inputs, range.smallest, range.largest);
            built = true;
          }
          int below = 0;
          for (int k = first + 1; k <= last; k++) {
            int count = test.countBinsBelow(row, inputs, a, k);
            counts[k - 1] += count - below;
            below = count;
          }
          counts[last] += inputs - below;
        }
      }
    }
  }

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
   * [xBins, yBins]}: a row {@code (n, o)} adds the histogram of {@code θ[o, :]} (precomputed per o)
   * to its majority gradient bin, minus the entries of its other gradient bins, which are added one
   * by one.
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
    long[] rowHistograms = new long[outputs * parameterBinCount];
    for (int o = 0; o < outputs; o++) {
      for (int i = 0; i < inputs; i++) {
        int yBin = thetaBins[o * inputs + i];
        if (yBin >= 0) {
          rowHistograms[o * parameterBinCount + yBin]++;
        }
      }
    }
    BinTest test = new BinTest(gradientBins, true, scale);
    BucketedRow row = new BucketedRow();
    RowRange range = new RowRange();
    long[] minority = new long[parameterBinCount];
    int zeroBin = gradientBins.centreClampedIndex(0.0);
    int searchCost = searchCost(inputs);
    int[] runs = new int[gradientBins.count() + 1];
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
          addRow(rowHistograms, o, parameterBinCount, zeroBin, counts);
          continue;
        }
        test.at(a, 0);
        int first = test.bin(a > 0 ? range.smallest : range.largest);
        int last = test.bin(a > 0 ? range.largest : range.smallest);
        if (first == last) {
          addRow(rowHistograms, o, parameterBinCount, first, counts);
          continue;
        }
        if ((long) (last - first) * searchCost > inputs) {
          direct2dRow(
              a, input, offset, inputs, thetaBins, rowOffset, test, parameterBinCount, counts);
          continue;
        }
        if (!built) {
          row.build(input, offset, inputs, range.smallest, range.largest);
          built = true;
        }
        // The bin holding most entries of this row.
        int below = 0;
        int majority = first;
        int majoritySize = -1;
        for (int k = first; k <= last; k++) {
          int count = k == last ? inputs : test.countBinsBelow(row, inputs, a, k + 1);
          runs[k] = count - below;
          below = count;
          if (runs[k] > majoritySize) {
            majoritySize = runs[k];
            majority = k;
          }
        }
        // Buckets entirely inside the majority bin are skipped; the others' entries are binned.
        double lowerEdge = test.edgeInput(majority, a);
        double upperEdge = test.edgeInput(majority + 1, a);
        int insideStart;
        int insideEnd;
        if (a > 0) {
          insideStart = row.firstBucketWithLowNotBelow(test.at(a, majority), lowerEdge);
          insideEnd = row.firstBucketWithHighNotBelow(test.at(a, majority + 1), upperEdge);
        } else {
          insideStart = row.firstBucketWithLowNotBelow(test.at(a, majority + 1), upperEdge);
          insideEnd = row.firstBucketWithHighNotBelow(test.at(a, majority), lowerEdge);
        }
        int skipFrom = insideStart < insideEnd ? row.start(insideStart) : inputs;
        int skipTo = insideStart < insideEnd ? row.start(insideEnd) : inputs;
        Arrays.fill(minority, 0);
        for (int position = 0; position < inputs; position++) {
          if (position == skipFrom) {
            position = skipTo - 1;
            continue;
          }
          int xBin = test.bin(row.value(position));
          if (xBin == majority) {
            continue;
          }
          int yBin = thetaBins[rowOffset + row.element(position)];
          if (yBin >= 0) {
            counts[xBin * parameterBinCount + yBin]++;
            minority[yBin]++;
          }
        }
        for (int y = 0; y < parameterBinCount; y++) {
          counts[majority * parameterBinCount + y] +=
              rowHistograms[o * parameterBinCount + y] - minority[y];
        }
      }
    }
  }

  private static void addRow(
      long[] rowHistograms, int row, int parameterBinCount, int xBin, long[] counts) {
    for (int y = 0; y < parameterBinCount; y++) {
      counts[xBin * parameterBinCount + y] += rowHistograms[row * parameterBinCount + y];
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
