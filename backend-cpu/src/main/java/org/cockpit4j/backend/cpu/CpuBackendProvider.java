package org.cockpit4j.backend.cpu;

import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BackendProvider;

/**
 * Provides the {@code cpu} backend (priority 10, always available). Options: {@code threads}
 * (default: the number of available processors) and {@code gemm} ({@code auto}, the default: the
 * Vector API kernel when {@code --add-modules jdk.incubator.vector} is given; or {@code scalar}).
 */
public final class CpuBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  @Override
  public Backend create(Map<String, String> options) {
    String value = options.get("threads");
    int threads = Runtime.getRuntime().availableProcessors();
    if (value != null) {
      try {
        threads = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "cpu backend option threads must be a positive integer, got '" + value + "'", e);
      }
      if (threads < 1) {
        throw new IllegalArgumentException(
            "cpu backend option threads must be a positive integer, got " + threads);
      }
    }
    return new CpuBackend(threads, options.getOrDefault("gemm", "auto"));
  }
}
