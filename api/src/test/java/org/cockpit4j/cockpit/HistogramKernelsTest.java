package org.cockpit4j.cockpit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cockpit4j.quantity.HistogramBins;
import org.junit.jupiter.api.Test;

/**
 * The outer-product histogram kernels count exactly what a direct loop over every entry {@code
 * N·(δ_no·x_ni)} counts, on data full of the hard cases: exact zeros (dead ReLUs), repeated values,
 * both signs, entries on bin edges, values beyond the range, and rows with NaN/∞.
 */
class HistogramKernelsTest {
  private static final int BATCH = 9;
  private static final int OUTPUTS = 13;
  private static final int INPUTS = 57;

  private static double[][] data(long seed, boolean nonFinite) {
    Random random = new Random(seed);
    double[] delta = new double[BATCH * OUTPUTS];
    double[] input = new double[BATCH * INPUTS];
    for (int i = 0; i < delta.length; i++) {
      int kind = random.nextInt(6);
      // kind 2: entries so small that the negative ones round into the zero bin (histc's index
      // of 2 − 1e-300 is that of 2)
      delta[i] =
          kind == 0
              ? 0.0
              : kind == 1
                  ? 0.04 / BATCH
                  : kind == 2
                      ? random.nextGaussian() * 1e-300
                      : random.nextGaussian() * 0.3 / BATCH;
    }
    for (int i = 0; i < input.length; i++) {
      int kind = random.nextInt(6);
      input[i] =
          switch (kind) {
            case 0, 1 -> 0.0;
            case 2 -> 1.0;
            case 3 -> random.nextGaussian() * 10;
            default -> random.nextGaussian();
          };
    }
    if (nonFinite) {
      input[3 * INPUTS + 5] = Double.NaN;
      input[5 * INPUTS + 7] = Double.POSITIVE_INFINITY;
      delta[2 * OUTPUTS + 4] = Double.NEGATIVE_INFINITY;
    }
    return new double[][] {delta, input};
  }

  private static double entry(double delta, double input) {
    return BATCH * (delta * input);
  }

  @Test
  void oneDimensionalCountsEqualTheDirectLoop() {
    for (long seed = 0; seed < 6; seed++) {
      double[][] data = data(seed, seed % 2 == 1);
      for (HistogramBins bins :
          new HistogramBins[] {
            new HistogramBins(100, -2, 2),
            new HistogramBins(7, -0.3, 0.5),
            new HistogramBins(1, -1, 1)
          }) {
        double[] expected = new double[bins.count()];
        for (int n = 0; n < BATCH; n++) {
          for (int o = 0; o < OUTPUTS; o++) {
            for (int i = 0; i < INPUTS; i++) {
              double x = entry(data[0][n * OUTPUTS + o], data[1][n * INPUTS + i]);
              if (!Double.isNaN(x)) {
                expected[bins.clampedHistcIndex(x)]++;
              }
            }
          }
        }
        double[] actual = new double[bins.count()];
        HistogramKernels.outerProduct(
            data[0], data[1], 0, BATCH, OUTPUTS, INPUTS, BATCH, bins, actual);
        assertArrayEquals(expected, actual, "seed " + seed + " " + bins);
        double[] chunked =
            SampleChunks.countDoubles(
                BATCH,
                bins.count(),
                (from, to, counts) ->
                    HistogramKernels.outerProduct(
                        data[0], data[1], from, to, OUTPUTS, INPUTS, BATCH, bins, counts));
        assertArrayEquals(expected, chunked);
      }
    }
  }

  @Test
  void twoDimensionalCountsEqualTheDirectLoop() {
    HistogramBins gradientBins = new HistogramBins(8, -0.5, 0.5);
    HistogramBins parameterBins = new HistogramBins(5, -2, 2);
    for (long seed = 0; seed < 6; seed++) {
      double[][] data = data(seed, seed % 2 == 1);
      Random random = new Random(seed + 100);
      double[] theta = new double[OUTPUTS * INPUTS];
      for (int j = 0; j < theta.length; j++) {
        theta[j] = random.nextInt(4) == 0 ? 0.0 : random.nextGaussian();
      }
      theta[11] = Double.NaN;
      long[] expected = new long[gradientBins.count() * parameterBins.count()];
      for (int n = 0; n < BATCH; n++) {
        for (int o = 0; o < OUTPUTS; o++) {
          for (int i = 0; i < INPUTS; i++) {
            double x = entry(data[0][n * OUTPUTS + o], data[1][n * INPUTS + i]);
            double y = theta[o * INPUTS + i];
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
              expected[
                  gradientBins.centreClampedIndex(x) * parameterBins.count()
                      + parameterBins.centreClampedIndex(y)]++;
            }
          }
        }
      }
      int[] thetaBins = HistogramKernels.parameterBins(theta, parameterBins);
      long[] actual = new long[expected.length];
      HistogramKernels.outerProduct2d(
          data[0],
          data[1],
          0,
          BATCH,
          OUTPUTS,
          INPUTS,
          thetaBins,
          BATCH,
          gradientBins,
          parameterBins.count(),
          actual);
      assertArrayEquals(expected, actual, "seed " + seed);
    }
  }

  /**
   * The dense kernels' shortcut for the two bins around zero counts what the index rule counts:
   * values on and next to the thresholds, tiny negatives that round into the zero bin, ±0, NaN, ±∞,
   * with zero on a bin edge, inside a bin, in the first and in the last bin; float and double.
   */
  @Test
  void denseKernelsEqualTheIndexRule() {
    Random random = new Random(7);
    for (HistogramBins bins :
        new HistogramBins[] {
          new HistogramBins(100, -2, 2),
          new HistogramBins(7, -0.3, 0.5),
          new HistogramBins(5, 0, 1),
          new HistogramBins(5, -1, 0),
          new HistogramBins(1, -1, 1)
        }) {
      int zeroBin = bins.clampedHistcIndex(0.0);
      float[] floats = new float[4000];
      for (int j = 0; j < floats.length; j++) {
        int kind = random.nextInt(8);
        double threshold = bins.histcThreshold(zeroBin + random.nextInt(3) - 1);
        floats[j] =
            switch (kind) {
              case 0 -> 0f;
              case 1 -> -0f;
              case 2 -> (float) (random.nextGaussian() * 1e-30);
              case 3 -> Float.isFinite((float) threshold) ? (float) threshold / 3 : 1f;
              case 4 ->
                  Math.nextDown(Float.isFinite((float) threshold) ? (float) threshold / 3 : 1f);
              case 5 -> j % 97 == 0 ? Float.NaN : j % 89 == 0 ? Float.NEGATIVE_INFINITY : 0.5f;
              default -> (float) (random.nextGaussian() * 0.1);
            };
      }
      double[] doubles = new double[floats.length];
      double[] expected = new double[bins.count()];
      for (int j = 0; j < floats.length; j++) {
        doubles[j] = floats[j];
        double x = 3 * doubles[j];
        if (!Double.isNaN(x)) {
          expected[bins.clampedHistcIndex(x)]++;
        }
      }
      double[] fromFloats = new double[bins.count()];
      HistogramKernels.dense(floats, 0, floats.length, 3, bins, fromFloats);
      assertArrayEquals(expected, fromFloats, bins.toString());
      double[] fromDoubles = new double[bins.count()];
      HistogramKernels.dense(doubles, 0, doubles.length, 3, bins, fromDoubles);
      assertArrayEquals(expected, fromDoubles, bins.toString());
      double[] onThresholds = new double[12];
      double[] expectedOn = new double[bins.count()];
      for (int k = 0; k < 3; k++) {
        double threshold = bins.histcThreshold(zeroBin + k - 1);
        threshold = Double.isFinite(threshold) ? threshold : 0.25;
        onThresholds[4 * k] = threshold;
        onThresholds[4 * k + 1] = Math.nextDown(threshold);
        onThresholds[4 * k + 2] = Math.nextUp(threshold);
        onThresholds[4 * k + 3] = -threshold;
      }
      for (double x : onThresholds) {
        expectedOn[bins.clampedHistcIndex(x)]++;
      }
      double[] actualOn = new double[bins.count()];
      HistogramKernels.dense(onThresholds, 0, onThresholds.length, 1, bins, actualOn);
      assertArrayEquals(expectedOn, actualOn, bins.toString());
    }
  }

  @Test
  void denseKernelsVisitEveryValue() {
    HistogramBins bins = new HistogramBins(4, -1, 1);
    double[] counts = new double[4];
    HistogramKernels.dense(new double[] {-3, -0.2, 0, 0.3, 1, Double.NaN}, 0, 6, 2, bins, counts);
    assertArrayEquals(new double[] {1, 1, 1, 2}, counts);
    long[] pairs = new long[4 * 2];
    HistogramKernels.dense2d(
        new double[] {0.1, -0.9, 0.4, 0.2},
        0,
        2,
        2,
        HistogramKernels.parameterBins(new double[] {1, -1}, new HistogramBins(2, -2, 2)),
        1,
        bins,
        2,
        pairs);
    assertEquals(4, java.util.Arrays.stream(pairs).sum());
  }

  @Test
  void sortedRowSortsAndCountsMonotonePredicatesExactly() {
    Random random = new Random(7);
    SortedRow row = new SortedRow();
    for (int trial = 0; trial < 80; trial++) {
      int length = 1 + random.nextInt(trial % 10 == 0 ? 400 : 150);
      double[] values = new double[length + 3];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < length; i++) {
        int kind = random.nextInt(5);
        values[3 + i] =
            kind == 0
                ? 0.0
                : kind == 1
                    ? Math.abs(random.nextGaussian())
                    : kind == 2
                        ? 1e-3 * random.nextGaussian() // crowded cells beside one outlier
                        : Math.rint(random.nextGaussian() * 8) / 4;
        min = Math.min(min, values[3 + i]);
        max = Math.max(max, values[3 + i]);
      }
      if (trial % 7 == 3) {
        values[3] = 1e6; // an outlier: every other value in one cell
        max = Math.max(max, 1e6);
      }
      row.build(values, 3, length, min, max);
      boolean[] seen = new boolean[length];
      for (int rank = 0; rank < length; rank++) {
        assertEquals(values[3 + row.position(rank)], row.value(rank));
        seen[row.position(rank)] = true;
        if (rank > 0) {
          assertEquals(true, row.value(rank - 1) <= row.value(rank), "sorted");
        }
      }
      for (boolean position : seen) {
        assertEquals(true, position);
      }
      long[] mask = new long[row.words()];
      for (int rank = 0; rank <= length; rank += 1 + random.nextInt(9)) {
        row.belowMask(rank, mask);
        int bits = 0;
        for (long word : mask) {
          bits += Long.bitCount(word);
        }
        assertEquals(rank, bits);
        for (int r = 0; r < rank; r++) {
          int position = row.position(r);
          assertEquals(true, (mask[position >>> 6] & (1L << position)) != 0);
        }
      }
      for (double threshold = -6; threshold <= 6; threshold += 0.0625) {
        double t = threshold;
        int expected = 0;
        for (int i = 0; i < length; i++) {
          expected += values[3 + i] < t ? 1 : 0;
        }
        assertEquals(expected, row.countBelow(value -> value < t, t));
        assertEquals(expected, row.countBelow(value -> value < t, t + random.nextGaussian() * 3));
        assertEquals(expected, row.countBelow(value -> value < t, Double.NaN));
        assertEquals(expected, row.rankOf(t));
      }
    }
  }

  /**
   * Layer-like data at realistic sizes: inputs in [0, 1] (images) or ReLU outputs (half exact
   * zeros), output gradients of both signs and dead units, weights of a trained scale, float32
   * values; both kernels against the direct loops.
   */
  @Test
  void layerLikeDataCountsEqualTheDirectLoops() {
    int batch = 16;
    int outputs = 40;
    int inputs = 150;
    for (long seed = 0; seed < 4; seed++) {
      Random random = new Random(seed);
      double[] delta = new double[batch * outputs];
      double[] input = new double[batch * inputs];
      double[] theta = new double[outputs * inputs];
      for (int i = 0; i < delta.length; i++) {
        delta[i] = random.nextInt(3) == 0 ? 0.0 : (float) (random.nextGaussian() * 0.02);
      }
      for (int i = 0; i < input.length; i++) {
        input[i] =
            seed % 2 == 0
                ? (float) random.nextDouble()
                : Math.max(0, (float) random.nextGaussian() * (1 + seed));
      }
      for (int j = 0; j < theta.length; j++) {
        theta[j] = (float) (random.nextGaussian() * (seed < 2 ? 0.04 : 0.6));
      }
      HistogramBins bins = new HistogramBins(100, -2, 2);
      double[] expected = new double[bins.count()];
      HistogramBins gradientBins = new HistogramBins(40, -1, 1);
      HistogramBins parameterBins = new HistogramBins(50, -2, 2);
      long[] expected2d = new long[40 * 50];
      for (int n = 0; n < batch; n++) {
        for (int o = 0; o < outputs; o++) {
          for (int i = 0; i < inputs; i++) {
            double x = batch * (delta[n * outputs + o] * input[n * inputs + i]);
            expected[bins.clampedHistcIndex(x)]++;
            expected2d[
                gradientBins.centreClampedIndex(x) * 50
                    + parameterBins.centreClampedIndex(theta[o * inputs + i])]++;
          }
        }
      }
      double[] actual = new double[bins.count()];
      HistogramKernels.outerProduct(delta, input, 0, batch, outputs, inputs, batch, bins, actual);
      assertArrayEquals(expected, actual, "seed " + seed);
      long[] actual2d = new long[40 * 50];
      HistogramKernels.outerProduct2d(
          delta,
          input,
          0,
          batch,
          outputs,
          inputs,
          HistogramKernels.parameterBins(theta, parameterBins),
          batch,
          gradientBins,
          50,
          actual2d);
      assertArrayEquals(expected2d, actual2d, "seed " + seed);
    }
  }
}
