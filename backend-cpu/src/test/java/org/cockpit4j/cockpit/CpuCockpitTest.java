package org.cockpit4j.cockpit;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;

/** The Cockpit orchestrator on the CPU backend (two threads). */
class CpuCockpitTest extends CockpitContractTest {
  private static final Backend BACKEND = new CpuBackend(2);

  @Override
  protected Backend backend() {
    return BACKEND;
  }
}
