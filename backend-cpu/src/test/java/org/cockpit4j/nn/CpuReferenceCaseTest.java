package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;

/** {@link ReferenceCaseContractTest} on the CPU backend. */
class CpuReferenceCaseTest extends ReferenceCaseContractTest {
  @Override
  protected Backend backend() {
    return CpuTestBackend.INSTANCE;
  }
}
