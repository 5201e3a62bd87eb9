package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BackendContractTest;
import org.junit.jupiter.api.AfterAll;

/** The backend contract, run on the CPU backend with two threads. */
class CpuBackendContractTest extends BackendContractTest {
  private static final CpuBackend BACKEND = new CpuBackend(2);

  @Override
  public Backend backend() {
    return BACKEND;
  }

  @AfterAll
  static void closeBackend() {
    BACKEND.close();
  }
}
