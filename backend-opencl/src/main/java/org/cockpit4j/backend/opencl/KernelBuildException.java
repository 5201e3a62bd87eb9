package org.cockpit4j.backend.opencl;

/** An OpenCL program failed to compile on a device; the message carries the build log. */
final class KernelBuildException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  KernelBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
