package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BackendContractTest;
import org.junit.jupiter.api.AfterAll;

/** The backend contract with the plain-Java GEMM (the fallback without the Vector API). */
class ScalarGemmContractTest extends BackendContractTest {
  private static final CpuBackend BACKEND = new CpuBackend(2, "scalar");

  @Override
  public Backend backend() {
    return BACKEND;
  }

  @AfterAll
  static void closeBackend() {
    BACKEND.close();
  }
}
