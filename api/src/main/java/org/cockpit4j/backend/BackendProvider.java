package org.cockpit4j.backend;

/**
 * A {@link java.util.ServiceLoader} entry for a backend. {@link #isAvailable()} must be cheap and
 * free of side effects (no device buffers, no kernel compilation); it explains itself through
 * {@link #unavailableReason()}.
 */
public interface BackendProvider {

  /** The name users select ({@code cpu}, {@code opencl}). */
  String name();

  /** Higher wins when the user asks for {@code auto}. */
  int priority();

  /** Whether the backend can be created on this machine. */
  boolean isAvailable();

  /** Why {@link #isAvailable()} is false, with how to fix it; empty when available. */
  default String unavailableReason() {
    return "";
  }

  /**
   * The devices this backend can run on and how to select them (for {@code cockpit list}); empty
   * when there is nothing to choose.
   */
  default String describeDevices() {
    return "";
  }

  /** Creates the backend; options are backend specific (e.g. {@code device}, {@code threads}). */
  Backend create(java.util.Map<String, String> options);
}
