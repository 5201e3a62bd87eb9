package org.cockpit4j.derivatives;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.junit.jupiter.api.AfterAll;

/** The derivative algebra on the CPU backend with two threads. */
class CpuDerivativesTest extends DerivativesContractTest {
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
