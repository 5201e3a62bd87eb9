package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;

/** {@link LayerGradientContractTest} on the CPU backend. */
class CpuLayerGradientTest extends LayerGradientContractTest {
  @Override
  protected Backend backend() {
    return CpuTestBackend.INSTANCE;
  }
}
