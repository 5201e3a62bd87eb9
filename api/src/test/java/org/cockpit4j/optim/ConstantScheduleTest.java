package org.cockpit4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConstantScheduleTest {

  @Test
  void returnsTheBaseRateAtEveryStep() {
    ConstantSchedule schedule = new ConstantSchedule(0.25);
    for (int step : new int[] {0, 1, 7, 1_000_000}) {
      assertEquals(0.25, schedule.learningRate(step), 0.0);
    }
  }
}
