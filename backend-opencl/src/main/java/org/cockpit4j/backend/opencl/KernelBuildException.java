package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.DeviceFailureException;

/** An OpenCL program failed to compile on a device; the message carries the build log and a fix. */
final class KernelBuildException extends DeviceFailureException {
  private static final long serialVersionUID = 1L;

  KernelBuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
