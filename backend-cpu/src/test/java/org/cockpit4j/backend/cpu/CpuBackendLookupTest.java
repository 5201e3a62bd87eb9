package org.cockpit4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.Backends;
import org.junit.jupiter.api.Test;

/** The CPU backend is found through {@link Backends} and its options are honoured. */
class CpuBackendLookupTest {

  @Test
  void createsTheCpuBackendByName() {
    try (Backend backend = Backends.create("cpu")) {
      assertEquals("cpu", backend.name());
      assertTrue(backend instanceof CpuBackend);
      assertEquals(Runtime.getRuntime().availableProcessors(), ((CpuBackend) backend).threads());
    }
    try (Backend backend = Backends.create("auto", Map.of("threads", "3"))) {
      assertEquals(3, ((CpuBackend) backend).threads());
    }
  }

  @Test
  void unknownNamesFailListingTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Backends.create("nope"));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    assertTrue(e.getMessage().contains("Known backends: [cpu"), e.getMessage());
    assertTrue(e.getMessage().contains("available: [cpu"), e.getMessage());
  }

  @Test
  void badThreadOptionsFailClearly() {
    assertThrows(
        IllegalArgumentException.class, () -> Backends.create("cpu", Map.of("threads", "0")));
    assertThrows(
        IllegalArgumentException.class, () -> Backends.create("cpu", Map.of("threads", "many")));
  }
}
