package org.cockpit4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CosineWarmRestartsScheduleTest {

  /** CosineAnnealingWarmRestarts.step(epoch) of PyTorch 1.13, float logarithm included. */
  private static double torch(int epoch, int t0, int tMult, double base, double etaMin) {
    double tCur;
    double tI;
    if (epoch >= t0) {
      if (tMult == 1) {
        tCur = epoch % t0;
        tI = t0;
      } else {
        int n = (int) (Math.log(epoch / (double) t0 * (tMult - 1) + 1) / Math.log(tMult));
        tCur = epoch - t0 * (Math.pow(tMult, n) - 1) / (tMult - 1);
        tI = t0 * Math.pow(tMult, n);
      }
    } else {
      tCur = epoch;
      tI = t0;
    }
    return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
  }

  @Test
  void handComputedValuesWithDoublingCycles() {
    // Cycles of 2, 4, 8, 16 steps start at 0, 2, 6, 14.
    CosineWarmRestartsSchedule schedule = new CosineWarmRestartsSchedule(1.0, 2, 2, 0.1);
    assertEquals(1.0, schedule.learningRate(0), 1e-15);
    assertEquals(0.55, schedule.learningRate(1), 1e-15);
    assertEquals(1.0, schedule.learningRate(2), 1e-15);
    assertEquals(0.1 + 0.9 * (1 + Math.sqrt(0.5)) / 2, schedule.learningRate(3), 1e-15);
    assertEquals(0.55, schedule.learningRate(4), 1e-15);
    assertEquals(1.0, schedule.learningRate(6), 1e-15);
    assertEquals(0.55, schedule.learningRate(10), 1e-15);
    assertEquals(1.0, schedule.learningRate(14), 1e-15);
  }

  @Test
  void constantCyclesRepeat() {
    CosineWarmRestartsSchedule schedule = new CosineWarmRestartsSchedule(0.2, 3, 1, 0.0);
    for (int step = 0; step < 3; step++) {
      for (int cycle = 1; cycle < 4; cycle++) {
        assertEquals(schedule.learningRate(step), schedule.learningRate(step + 3 * cycle), 0.0);
      }
    }
    assertEquals(0.2 * (1 + Math.cos(Math.PI / 3)) / 2, schedule.learningRate(4), 1e-16);
  }

  @Test
  void matchesPyTorchsFormulaWhereItsLogarithmIsExact() {
    int[][] settings = {{2, 2}, {5, 3}, {3, 1}, {4, 2}};
    for (int[] setting : settings) {
      CosineWarmRestartsSchedule schedule =
          new CosineWarmRestartsSchedule(0.1, setting[0], setting[1], 0.001);
      for (int step = 0; step < 150; step++) {
        assertEquals(
            torch(step, setting[0], setting[1], 0.1, 0.001),
            schedule.learningRate(step),
            1e-15,
            "T_0 " + setting[0] + ", T_mult " + setting[1] + ", step " + step);
      }
    }
  }

  @Test
  void restartsExactlyWherePyTorchsFloatLogarithmIsOneStepLate() {
    // T_0 = 1, T_mult = 10: cycles of 1, 10, 100 steps, so step 111 starts a new cycle. PyTorch
    // computes log(1000)/log(10) = 2.9999999999999996 and stays at the end of the old one (η_min).
    CosineWarmRestartsSchedule schedule = new CosineWarmRestartsSchedule(1.0, 1, 10, 0.0);
    assertEquals(0.0, torch(111, 1, 10, 1.0, 0.0), 1e-15);
    assertEquals(1.0, schedule.learningRate(111), 0.0);
    assertEquals(torch(110, 1, 10, 1.0, 0.0), schedule.learningRate(110), 1e-15);
  }

  @Test
  void rejectsInvalidCycles() {
    assertThrows(
        IllegalArgumentException.class, () -> new CosineWarmRestartsSchedule(1.0, 0, 2, 0.0));
    assertThrows(
        IllegalArgumentException.class, () -> new CosineWarmRestartsSchedule(1.0, 2, 0, 0.0));
  }
}
