package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;

/** {@link LayerForwardContractTest} on the CPU backend. */
class CpuLayerForwardTest extends LayerForwardContractTest {
  @Override
  protected Backend backend() {
    return CpuTestBackend.INSTANCE;
  }
}
