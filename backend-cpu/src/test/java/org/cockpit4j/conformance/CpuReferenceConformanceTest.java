package org.cockpit4j.conformance;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.junit.jupiter.api.AfterAll;

/** The reference cases replayed on the CPU backend with two threads. */
class CpuReferenceConformanceTest extends ReferenceConformanceContractTest {
  private static final Backend BACKEND = new CpuBackend(2);

  @Override
  protected Backend backend() {
    return BACKEND;
  }

  @AfterAll
  static void closeBackend() {
    BACKEND.close();
  }
}
