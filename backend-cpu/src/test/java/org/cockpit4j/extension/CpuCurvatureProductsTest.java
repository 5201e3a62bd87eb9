package org.cockpit4j.extension;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.junit.jupiter.api.AfterAll;

/** The curvature-product contract on the CPU backend with two threads. */
class CpuCurvatureProductsTest extends CurvatureProductsContractTest {
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
