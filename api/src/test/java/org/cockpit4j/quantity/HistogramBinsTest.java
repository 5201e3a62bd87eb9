package org.cockpit4j.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramBinsTest {

  @Test
  void histcRuleClampsAndPutsTheUpperEndIntoTheLastBin() {
    HistogramBins bins = new HistogramBins(100, -2, 2);
    assertEquals(50, bins.clampedHistcIndex(0.0), "exact zeros belong to bin 50");
    assertEquals(50, bins.clampedHistcIndex(-0.0));
    assertEquals(49, bins.clampedHistcIndex(-1e-12));
    assertEquals(99, bins.clampedHistcIndex(2.0));
    assertEquals(99, bins.clampedHistcIndex(7.0));
    assertEquals(0, bins.clampedHistcIndex(-2.0));
    assertEquals(0, bins.clampedHistcIndex(Double.NEGATIVE_INFINITY));
  }

  @Test
  void histcIndexEqualsTheExactExpressionEverywhere() {
    Random random = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      int count = 1 + random.nextInt(120);
      double low = -random.nextDouble() * 3;
      double high = low + 1e-3 + random.nextDouble() * 5;
      HistogramBins bins = new HistogramBins(count, low, high);
      for (int k = 0; k < 500; k++) {
        double x = low + (high - low) * random.nextDouble();
        if (k % 5 == 0) {
          x = low + (high - low) * random.nextInt(count + 1) / count; // near or on an edge
        }
        int exact = (int) ((x - low) * count / (high - low));
        assertEquals(Math.min(exact, count - 1), bins.histcIndex(x), "x=" + x + " " + bins);
      }
    }
  }

  @Test
  void centreRuleClampsToTheOuterBinCentres() {
    HistogramBins bins = new HistogramBins(40, -1, 1);
    assertEquals(0, bins.centreClampedIndex(-5));
    assertEquals(39, bins.centreClampedIndex(5));
    assertEquals(20, bins.centreClampedIndex(0.0));
    assertEquals(19, bins.centreClampedIndex(-0.01));
    double scale = 40 / 2.0;
    for (double x = -0.97; x < 0.97; x += 0.0123) {
      assertEquals((int) (x * scale + (1 - -1 * scale)) - 1, bins.centreClampedIndex(x));
    }
  }

  @Test
  void edgesFollowTorchLinspace() {
    double[] edges = new HistogramBins(100, -2, 2).edges();
    assertEquals(101, edges.length);
    assertEquals(-2.0, edges[0]);
    assertEquals(2.0, edges[100]);
    assertEquals(2.0 - 0.04 * 49, edges[51]);
    assertEquals(-2.0 + 0.04 * 7, edges[7]);
  }

  @Test
  void thresholdsAreTheIndexRulesExactly() {
    Random random = new Random(3);
    for (HistogramBins bins :
        new HistogramBins[] {
          new HistogramBins(100, -2, 2),
          new HistogramBins(40, -1, 1),
          new HistogramBins(7, -0.3, 0.5)
        }) {
      for (int k = 1; k < bins.count(); k++) {
        double histc = bins.histcThreshold(k);
        assertEquals(true, bins.clampedHistcIndex(histc) >= k, bins + " histc " + k);
        assertEquals(true, bins.clampedHistcIndex(Math.nextDown(histc)) < k, bins + " histc " + k);
        double centre = bins.centreThreshold(k);
        assertEquals(true, bins.centreClampedIndex(centre) >= k, bins + " centre " + k);
        assertEquals(
            true, bins.centreClampedIndex(Math.nextDown(centre)) < k, bins + " centre " + k);
      }
      assertEquals(Double.NEGATIVE_INFINITY, bins.histcThreshold(0));
      assertEquals(Double.POSITIVE_INFINITY, bins.centreThreshold(bins.count()));
      for (int trial = 0; trial < 20000; trial++) {
        double x =
            trial % 3 == 0
                ? random.nextGaussian() * 1e-15
                : trial % 3 == 1
                    ? random.nextGaussian()
                    : bins.low() + random.nextInt(bins.count() + 1) * bins.width();
        int k = 1 + random.nextInt(bins.count() - 1);
        assertEquals(bins.clampedHistcIndex(x) >= k, x >= bins.histcThreshold(k), "histc " + x);
        assertEquals(bins.centreClampedIndex(x) >= k, x >= bins.centreThreshold(k), "centre " + x);
      }
    }
  }

  @Test
  void rejectsEmptyRanges() {
    assertThrows(IllegalArgumentException.class, () -> new HistogramBins(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new HistogramBins(3, 1, 1));
  }
}
