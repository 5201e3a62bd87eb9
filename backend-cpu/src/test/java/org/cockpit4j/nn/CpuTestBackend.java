package org.cockpit4j.nn;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;

/** One two-thread CPU backend shared by the nn contract tests (its threads are daemons). */
final class CpuTestBackend {
  static final Backend INSTANCE = new CpuBackend(2);

  private CpuTestBackend() {}
}
