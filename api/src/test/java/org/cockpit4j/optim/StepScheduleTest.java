package org.cockpit4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepScheduleTest {

  @Test
  void decaysByGammaEveryStepSizeSteps() {
    StepSchedule schedule = new StepSchedule(0.1, 3, 0.5);
    double[] expected = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125};
    for (int step = 0; step < expected.length; step++) {
      assertEquals(expected[step], schedule.learningRate(step), 1e-17, "step " + step);
    }
  }

  @Test
  void usesPyTorchsClosedFormNotRepeatedMultiplication() {
    // StepLR._get_closed_form_lr: base_lr * gamma ** (last_epoch // step_size).
    StepSchedule schedule = new StepSchedule(0.3, 2, 0.1);
    for (int step = 0; step < 40; step++) {
      assertEquals(0.3 * Math.pow(0.1, step / 2), schedule.learningRate(step), 0.0);
    }
  }

  @Test
  void rejectsInvalidArguments() {
    assertThrows(IllegalArgumentException.class, () -> new StepSchedule(0.1, 0, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new StepSchedule(-0.1, 2, 0.5));
    assertThrows(
        IllegalArgumentException.class, () -> new StepSchedule(0.1, 2, 0.5).learningRate(-1));
  }
}
