package org.cockpit4j.backend;

/**
 * A backend's device could not do what was asked: a kernel that does not compile or that the device
 * refuses to run, a buffer larger than the device allows, a device out of memory or resources. The
 * message is one paragraph naming the kernel or buffer, the shapes, the device and a fix. It is a
 * problem of the setup (model size, device, driver), not a bug in the caller's data: command lines
 * report it like bad input (exit code 2), with the message and no stack trace.
 */
public class DeviceFailureException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message} (one paragraph ending with a fix). */
  public DeviceFailureException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The message alone, so that a wrapper that prints this exception reads as one paragraph. */
  @Override
  public String toString() {
    return getMessage();
  }
}
