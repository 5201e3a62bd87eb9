package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;

/** {@link ModelsContractTest} on the CPU backend. */
class CpuModelsTest extends ModelsContractTest {
  @Override
  protected Backend backend() {
    return CpuTestBackend.INSTANCE;
  }
}
