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
      int kind = random.nextInt(5);
      delta[i] = kind == 0 ? 0.0 : kind == 1 ? 0.04 / BATCH : random.nextGaussian() * 0.3 / BATCH;
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
  void bucketedRowCountsMonotonePredicatesExactly() {
    Random random = new Random(7);
    BucketedRow row = new BucketedRow();
    for (int trial = 0; trial < 60; trial++) {
      int length = 1 + random.nextInt(300);
      double[] values = new double[length + 3];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < length; i++) {
        int kind = random.nextInt(4);
        values[3 + i] =
            kind == 0
                ? 0.0
                : kind == 1
                    ? Math.abs(random.nextGaussian())
                    : Math.rint(random.nextGaussian() * 8) / 4;
        min = Math.min(min, values[3 + i]);
        max = Math.max(max, values[3 + i]);
      }
      row.build(values, 3, length, min, max);
      int seen = 0;
      for (int j = 0; j < row.buckets(); j++) {
        for (int position = row.start(j); position < row.start(j + 1); position++) {
          double value = row.value(position);
          assertEquals(value, values[3 + row.element(position)]);
          assertEquals(true, value >= row.low(j) && value <= row.high(j));
          seen++;
        }
        if (j > 0) {
          assertEquals(true, row.high(j - 1) <= row.low(j), "buckets ordered by value");
        }
      }
      assertEquals(length, seen);
      for (double threshold = -6; threshold <= 6; threshold += 0.0625) {
        double t = threshold;
        int expected = 0;
        for (int i = 0; i < length; i++) {
          expected += values[3 + i] < t ? 1 : 0;
        }
        assertEquals(expected, row.countBelow(value -> value < t, t));
        assertEquals(expected, row.countBelow(value -> value < t, t + random.nextGaussian() * 3));
      }
    }
  }
}
