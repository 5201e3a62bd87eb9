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
  static double entry(double scale, double delta, double input) {
    return scale * (delta * input);
  }

  /** About how many evaluations one bin count costs, against one per entry for a direct loop. */
  static int searchCost(int inputs) {
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
   * Up to this many bin boundaries in a sample's rows are counted by evaluating every input rather
   * than on the sorted input (sorting costs about as much as a dozen such passes).
   */
  static final int DIRECT_BOUNDARIES = 12;

  static void directRow(
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

  static void direct2dRow(
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
