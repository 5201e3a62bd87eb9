package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;

/** {@link JacobianTransposeContractTest} on the CPU backend. */
class CpuJacobianTransposeTest extends JacobianTransposeContractTest {
  @Override
  protected Backend backend() {
    return CpuTestBackend.INSTANCE;
  }
}
