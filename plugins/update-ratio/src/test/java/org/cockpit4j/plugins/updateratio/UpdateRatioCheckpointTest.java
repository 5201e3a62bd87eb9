package org.cockpit4j.plugins.updateratio;

import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.checkpoint.QuantityResumeCheck;
import org.cockpit4j.quantity.Schedules;
import org.junit.jupiter.api.Test;

/**
 * UpdateRatio keeps state between steps: a run cut after two steps, saved, restored into new
 * objects and continued logs exactly the values of the uninterrupted run.
 */
class UpdateRatioCheckpointTest {

  @Test
  void aRestoredRunLogsWhatTheUninterruptedOneLogs() {
    try (CpuBackend backend = new CpuBackend(1)) {
      QuantityResumeCheck.assertResumedRunLogsTheSame(
          backend, () -> new UpdateRatio(Schedules.everyStep()), "UpdateRatio", 5, 2);
    }
  }
}
