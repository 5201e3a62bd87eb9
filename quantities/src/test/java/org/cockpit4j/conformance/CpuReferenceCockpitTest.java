package org.cockpit4j.conformance;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;

/** The reference cases replayed with the Cockpit on the CPU backend (two threads). */
class CpuReferenceCockpitTest extends ReferenceCockpitContractTest {
  private static final Backend BACKEND = new CpuBackend(2);

  @Override
  protected Backend backend() {
    return BACKEND;
  }
}
