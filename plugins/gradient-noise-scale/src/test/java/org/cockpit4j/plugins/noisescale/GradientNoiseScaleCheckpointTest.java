package org.cockpit4j.plugins.noisescale;

import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.checkpoint.QuantityResumeCheck;
import org.cockpit4j.quantity.Schedules;
import org.junit.jupiter.api.Test;

/**
 * GradientNoiseScale keeps state between steps: a run cut after two steps, saved, restored into new
 * objects and continued logs exactly the values of the uninterrupted run.
 */
class GradientNoiseScaleCheckpointTest {

  @Test
  void aRestoredRunLogsWhatTheUninterruptedOneLogs() {
    try (CpuBackend backend = new CpuBackend(1)) {
      QuantityResumeCheck.assertResumedRunLogsTheSame(
          backend,
          () -> new GradientNoiseScale(Schedules.everyStep(), 0.9),
          "GradientNoiseScale",
          5,
          2);
    }
  }
}
