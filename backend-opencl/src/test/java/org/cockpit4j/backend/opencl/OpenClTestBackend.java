package org.cockpit4j.backend.opencl;

import java.util.HashMap;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.junit.jupiter.api.Assumptions;

/**
 * The OpenCL backends shared by every test class of this module (one per option set, created on
 * first use, never closed: the context and its compiled programs live for the JVM, so PoCL compiles
 * each program once per test run). Tests calling {@link #get} are skipped, with the provider's
 * reason, where OpenCL is unavailable.
 */
public final class OpenClTestBackend {
  private static final Map<Map<String, String>, Backend> BACKENDS = new HashMap<>();

  private OpenClTestBackend() {}

  /** The backend on the default device, or a skipped test. */
  public static Backend get() {
    return get(Map.of());
  }

  /** The backend on the default device as if it had no fp64, or a skipped test. */
  public static Backend float32Only() {
    return get(Map.of("fp64", "off"));
  }

  /** The backend with {@code options}, or a skipped test when OpenCL is unavailable. */
  public static synchronized Backend get(Map<String, String> options) {
    OpenClBackendProvider provider = new OpenClBackendProvider();
    Assumptions.assumeTrue(
        provider.isAvailable(), () -> "OpenCL is unavailable: " + provider.unavailableReason());
    return BACKENDS.computeIfAbsent(options, provider::create);
  }
}
