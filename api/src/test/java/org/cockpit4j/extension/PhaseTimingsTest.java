package org.cockpit4j.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Phase times add up per name within a step, come out in first-seen order, and start afresh. */
class PhaseTimingsTest {

  @Test
  void addsPerPhaseInFirstSeenOrderAndStartsAfresh() {
    long[] now = {0};
    PhaseTimings timings = new PhaseTimings(() -> now[0]);
    long start = timings.start();
    now[0] = 2_000_000;
    timings.stop("backward", start);
    timings.add("backward / rule batch_dot", 500_000);
    start = timings.start();
    now[0] = 3_000_000;
    timings.stop("backward", start);
    Map<String, PhaseTimings.Phase> step = timings.take();
    assertEquals(List.of("backward", "backward / rule batch_dot"), List.copyOf(step.keySet()));
    assertEquals(new PhaseTimings.Phase(3.0, 2), step.get("backward"));
    assertEquals(new PhaseTimings.Phase(0.5, 1), step.get("backward / rule batch_dot"));
    assertTrue(timings.take().isEmpty());
  }
}
