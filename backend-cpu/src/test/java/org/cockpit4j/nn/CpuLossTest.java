package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;

/** {@link LossContractTest} on the CPU backend. */
class CpuLossTest extends LossContractTest {
  @Override
  protected Backend backend() {
    return CpuTestBackend.INSTANCE;
  }
}
