package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;

/** {@link ShapeCheckContractTest} on the CPU backend. */
class CpuShapeCheckTest extends ShapeCheckContractTest {
  @Override
  protected Backend backend() {
    return CpuTestBackend.INSTANCE;
  }
}
