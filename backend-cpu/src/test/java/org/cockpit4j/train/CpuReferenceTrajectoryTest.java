package org.cockpit4j.train;

import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.Backends;
import org.junit.jupiter.api.AfterAll;

/** The reference trajectories replayed on the CPU backend with two threads. */
class CpuReferenceTrajectoryTest extends ReferenceTrajectoryContractTest {
  private static final Backend BACKEND = Backends.create("cpu", Map.of("threads", "2"));

  @Override
  protected Backend backend() {
    return BACKEND;
  }

  @AfterAll
  static void closeBackend() {
    BACKEND.close();
  }
}
