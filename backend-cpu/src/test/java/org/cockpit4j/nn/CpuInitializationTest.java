package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;

/** {@link InitializationContractTest} on the CPU backend. */
class CpuInitializationTest extends InitializationContractTest {
  @Override
  protected Backend backend() {
    return CpuTestBackend.INSTANCE;
  }
}
