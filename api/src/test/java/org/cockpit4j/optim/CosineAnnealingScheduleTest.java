package org.cockpit4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CosineAnnealingScheduleTest {

  @Test
  void handComputedValues() {
    CosineAnnealingSchedule schedule = new CosineAnnealingSchedule(1.0, 10, 0.1);
    assertEquals(1.0, schedule.learningRate(0), 1e-15);
    // 0.1 + 0.9·(1 + cos(π/5))/2 with cos(36°) = (1 + √5)/4
    assertEquals(0.1 + 0.9 * (1 + (1 + Math.sqrt(5)) / 4) / 2, schedule.learningRate(2), 1e-15);
    assertEquals(0.55, schedule.learningRate(5), 1e-15);
    assertEquals(0.1, schedule.learningRate(10), 1e-15);
  }

  @Test
  void keepsFollowingTheCosinePastTheMaximumLikePyTorchsClosedForm() {
    CosineAnnealingSchedule schedule = new CosineAnnealingSchedule(1.0, 10, 0.1);
    assertEquals(0.55, schedule.learningRate(15), 1e-15);
    assertEquals(1.0, schedule.learningRate(20), 1e-15);
    for (int step = 0; step <= 10; step++) {
      assertEquals(schedule.learningRate(step), schedule.learningRate(20 - step), 1e-15);
    }
  }

  @Test
  void matchesPyTorchsFormulaOperationForOperation() {
    // CosineAnnealingLR._get_closed_form_lr
    double base = 0.05;
    double etaMin = 0.001;
    int tMax = 7;
    CosineAnnealingSchedule schedule = new CosineAnnealingSchedule(base, tMax, etaMin);
    for (int step = 0; step < 30; step++) {
      double torch = etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * step / tMax)) / 2;
      assertEquals(torch, schedule.learningRate(step), 0.0, "step " + step);
    }
  }

  @Test
  void rejectsANonPositiveMaximum() {
    assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingSchedule(1.0, 0, 0.0));
  }
}
