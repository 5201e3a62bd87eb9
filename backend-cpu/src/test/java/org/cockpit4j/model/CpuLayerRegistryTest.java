package org.cockpit4j.model;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.junit.jupiter.api.AfterAll;

/** The layer registry on the CPU backend. */
class CpuLayerRegistryTest extends LayerRegistryContractTest {
  private static final CpuBackend BACKEND = new CpuBackend(2);

  @Override
  protected Backend backend() {
    return BACKEND;
  }

  @AfterAll
  static void closeBackend() {
    BACKEND.close();
  }
}
