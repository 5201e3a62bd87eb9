package org.cockpit4j.cockpit;

import org.cockpit4j.quantity.HistogramBins;

/**
 * Host loops that histogram per-sample gradient entries {@code scale·G_n,j} without forming them
 * where the layer has a compact form.
 *
 * <p>Dense kernels visit every value. The outer-product kernels serve a linear weight, whose
 * per-sample gradient entries are {@code scale·(δ_no·x_ni)}: for a fixed {@code (n, o)} that value
 * is monotone in {@code x_ni} (floating-point products and the bin rules are monotone), so after
 * sorting {@code x_n} the entries of each bin form a contiguous run whose ends a binary search
 * finds with the same arithmetic as a direct evaluation. Rows whose entries all fall into one bin,
 * the common case, cost O(1) (1-D) or O(bins) (2-D) instead of O(I). Counts equal those of the
 * direct loop exactly. NaN entries are skipped (as {@code torch.histc} does); rows with non-finite
 * inputs take the direct loop.
 */
final class HistogramKernels {
  private HistogramKernels() {}

  /** The value of a per-sample linear-weight entry, evaluated as the original does. */
  private static double entry(double scale, double delta, double input) {
    return scale * (delta * input);
  }

  // ---- 1-D --------------------------------------------------------------------------------

  /** Adds the histc bins of {@code scale·values[k]} to {@code counts}. */
  static void dense(double[] values, double scale, HistogramBins bins, double[] counts) {
    for (double value : values) {
      double x = scale * value;
      if (!Double.isNaN(x)) {
        counts[bins.clampedHistcIndex(x)]++;
      }
    }
  }

  /**
   * Adds the histc bins of {@code scale·(δ[n,o]·x[n,i])} over all n, o, i.
   *
   * @param delta {@code [N, O]} row-major
   * @param input {@code [N, I]} row-major
   */
  static void outerProduct(
      double[] delta,
      double[] input,
      int batch,
      int outputs,
      int inputs,
      double scale,
      HistogramBins bins,
      double[] counts) {
    double[] sorted = new double[inputs];
    int zeroBin = bins.clampedHistcIndex(0.0);
    int searchSteps = 32 - Integer.numberOfLeadingZeros(Math.max(1, inputs));
    for (int n = 0; n < batch; n++) {
      System.arraycopy(input, n * inputs, sorted, 0, inputs);
      boolean finiteRow = allFinite(sorted);
      if (finiteRow) {
        java.util.Arrays.sort(sorted);
      }
      for (int o = 0; o < outputs; o++) {
        double a = delta[n * outputs + o];
        if (!finiteRow || !Double.isFinite(a)) {
          directRow(a, input, n * inputs, inputs, scale, bins, counts);
          continue;
        }
        if (a == 0.0) {
          counts[zeroBin] += inputs;
          continue;
        }
        boolean ascending = a > 0;
        int first = bin(bins, scale, a, sorted, ascending, inputs, 0);
        int last = bin(bins, scale, a, sorted, ascending, inputs, inputs - 1);
        if (first == last) {
          counts[first] += inputs;
        } else if ((long) (last - first) * searchSteps > inputs) {
          directRow(a, input, n * inputs, inputs, scale, bins, counts);
        } else {
          int below = 0;
          for (int k = first + 1; k <= last; k++) {
            int start = firstPositionWithBinAtLeast(bins, scale, a, sorted, ascending, inputs, k);
            counts[k - 1] += start - below;
            below = start;
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

  /** The bin of the entry at ordered position {@code position} (ascending in the bin). */
  private static int bin(
      HistogramBins bins,
      double scale,
      double a,
      double[] sorted,
      boolean ascending,
      int length,
      int position) {
    double x = sorted[ascending ? position : length - 1 - position];
    return bins.clampedHistcIndex(entry(scale, a, x));
  }

  private static int firstPositionWithBinAtLeast(
      HistogramBins bins,
      double scale,
      double a,
      double[] sorted,
      boolean ascending,
      int length,
      int target) {
    int low = 0;
    int high = length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (bin(bins, scale, a, sorted, ascending, length, middle) >= target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
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
   * Adds the pairs {@code (scale·values[n,j], θ_j)} to {@code counts [xBins, yBins]}.
   *
   * @param values {@code [N, P]} row-major
   * @param thetaBins {@link #parameterBins} of θ ({@code [P]})
   */
  static void dense2d(
      double[] values,
      int batch,
      int size,
      int[] thetaBins,
      double scale,
      HistogramBins gradientBins,
      int parameterBinCount,
      long[] counts) {
    for (int n = 0; n < batch; n++) {
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
   * Adds the pairs {@code (scale·δ[n,o]·x[n,i], θ[o,i])} to {@code counts [xBins, yBins]}.
   *
   * @param thetaBins {@link #parameterBins} of the weight {@code [O, I]}
   */
  static void outerProduct2d(
      double[] delta,
      double[] input,
      int batch,
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
    int[] order = new int[inputs];
    double[] sorted = new double[inputs];
    long[] minority = new long[parameterBinCount];
    int zeroBin = gradientBins.centreClampedIndex(0.0);
    int searchSteps = 32 - Integer.numberOfLeadingZeros(Math.max(1, inputs));
    for (int n = 0; n < batch; n++) {
      int offset = n * inputs;
      boolean finiteRow = true;
      for (int i = 0; i < inputs; i++) {
        finiteRow &= Double.isFinite(input[offset + i]);
      }
      if (finiteRow) {
        IndexSort.argsort(input, offset, inputs, order);
        for (int k = 0; k < inputs; k++) {
          sorted[k] = input[offset + order[k]];
        }
      }
      for (int o = 0; o < outputs; o++) {
        double a = delta[n * outputs + o];
        int rowOffset = o * inputs;
        if (!finiteRow || !Double.isFinite(a)) {
          direct2dRow(
              a,
              input,
              offset,
              inputs,
              thetaBins,
              rowOffset,
              scale,
              gradientBins,
              parameterBinCount,
              counts);
          continue;
        }
        if (a == 0.0) {
          addRow(rowHistograms, o, parameterBinCount, zeroBin, counts);
          continue;
        }
        boolean ascending = a > 0;
        int first = bin2d(gradientBins, scale, a, sorted, ascending, inputs, 0);
        int last = bin2d(gradientBins, scale, a, sorted, ascending, inputs, inputs - 1);
        if (first == last) {
          addRow(rowHistograms, o, parameterBinCount, first, counts);
          continue;
        }
        if ((long) (last - first) * searchSteps > inputs) {
          direct2dRow(
              a,
              input,
              offset,
              inputs,
              thetaBins,
              rowOffset,
              scale,
              gradientBins,
              parameterBinCount,
              counts);
          continue;
        }
        // Runs of equal gradient bin along the ordered positions; the longest run is added as the
        // row histogram minus the other runs' entries, which are added one by one.
        int[] starts = new int[last - first + 2];
        starts[0] = 0;
        for (int k = first + 1; k <= last; k++) {
          starts[k - first] =
              firstPositionWithBin2dAtLeast(gradientBins, scale, a, sorted, ascending, inputs, k);
        }
        starts[last - first + 1] = inputs;
        int longest = 0;
        for (int r = 1; r <= last - first; r++) {
          if (starts[r + 1] - starts[r] > starts[longest + 1] - starts[longest]) {
            longest = r;
          }
        }
        java.util.Arrays.fill(minority, 0);
        for (int r = 0; r <= last - first; r++) {
          if (r == longest) {
            continue;
          }
          int xBin = first + r;
          for (int position = starts[r]; position < starts[r + 1]; position++) {
            int k = ascending ? position : inputs - 1 - position;
            int yBin = thetaBins[rowOffset + order[k]];
            if (yBin >= 0) {
              counts[xBin * parameterBinCount + yBin]++;
              minority[yBin]++;
            }
          }
        }
        int majorityBin = first + longest;
        for (int y = 0; y < parameterBinCount; y++) {
          counts[majorityBin * parameterBinCount + y] +=
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
      double scale,
      HistogramBins gradientBins,
      int parameterBinCount,
      long[] counts) {
    for (int i = 0; i < inputs; i++) {
      double x = entry(scale, a, input[offset + i]);
      int yBin = thetaBins[rowOffset + i];
      if (!Double.isNaN(x) && yBin >= 0) {
        counts[gradientBins.centreClampedIndex(x) * parameterBinCount + yBin]++;
      }
    }
  }

  private static int bin2d(
      HistogramBins bins,
      double scale,
      double a,
      double[] sorted,
      boolean ascending,
      int length,
      int position) {
    double x = sorted[ascending ? position : length - 1 - position];
    return bins.centreClampedIndex(entry(scale, a, x));
  }

  private static int firstPositionWithBin2dAtLeast(
      HistogramBins bins,
      double scale,
      double a,
      double[] sorted,
      boolean ascending,
      int length,
      int target) {
    int low = 0;
    int high = length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (bin2d(bins, scale, a, sorted, ascending, length, middle) >= target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  private static boolean allFinite(double[] values) {
    for (double value : values) {
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    return true;
  }
}
