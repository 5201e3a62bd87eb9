package org.cockpit4j.examples.experiment.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.cockpit4j.checkpoint.StateSnapshot;
import org.junit.jupiter.api.Test;

/** The bounded step-time median against the exact median of the same times. */
class StepTimeHistogramTest {

  private static double exactMedian(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  @Test
  void medianIsWithinHalfAPercentOfTheExactOne() {
    Random random = new Random(3);
    for (int count : new int[] {1, 2, 7, 100, 10_001}) {
      for (double scale : new double[] {0.004, 1.5, 250, 60_000}) {
        double[] times = new double[count];
        StepTimeHistogram histogram = new StepTimeHistogram();
        for (int i = 0; i < count; i++) {
          times[i] = scale * Math.exp(0.5 * random.nextGaussian());
          histogram.add(times[i]);
        }
        double exact = exactMedian(times);
        double approximate = histogram.median();
        assertTrue(
            Math.abs(approximate - exact) <= 0.005 * exact + 1e-12,
            count + " times at scale " + scale + ": " + approximate + " vs exact " + exact);
        assertEquals(count, histogram.count());
      }
    }
  }

  @Test
  void emptyIsNaNAndBadTimesAreIgnored() {
    StepTimeHistogram histogram = new StepTimeHistogram();
    assertTrue(Double.isNaN(histogram.median()));
    histogram.add(Double.NaN);
    histogram.add(-1);
    histogram.add(Double.POSITIVE_INFINITY);
    assertEquals(0, histogram.count());
    histogram.add(0.0);
    histogram.add(1e12);
    assertEquals(2, histogram.count());
  }

  @Test
  void aCheckpointRoundTripKeepsTheMedian() {
    StepTimeHistogram histogram = new StepTimeHistogram();
    for (int i = 1; i <= 999; i++) {
      histogram.add(i * 0.37);
    }
    StateSnapshot snapshot = StateSnapshot.of(histogram::saveState);
    StepTimeHistogram restored = new StepTimeHistogram();
    restored.restoreState(snapshot.reader(null));
    assertEquals(histogram.median(), restored.median(), 0.0);
    assertEquals(histogram.count(), restored.count());
  }
}
