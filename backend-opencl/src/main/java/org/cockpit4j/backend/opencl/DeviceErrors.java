package org.cockpit4j.backend.opencl;

import java.util.Set;
import org.cockpit4j.backend.DeviceFailureException;
import org.jocl.CLException;

/**
 * The messages of OpenCL failures, one paragraph each: what failed (the kernel with its tensors'
 * shapes and launch sizes, or the buffer), the device, the OpenCL error and a fix chosen by the
 * error. JOCL's own {@link CLException} says only the error's name.
 */
final class DeviceErrors {
  /** The backend option that avoids OpenCL, as written in an experiment file and on the CLI. */
  static final String USE_CPU = "train on the CPU backend (backend: {type: cpu}, or --backend cpu)";

  private static final Set<String> OUT_OF_MEMORY =
      Set.of(
          "CL_OUT_OF_RESOURCES",
          "CL_OUT_OF_HOST_MEMORY",
          "CL_MEM_OBJECT_ALLOCATION_FAILURE",
          "CL_INVALID_BUFFER_SIZE");
  private static final Set<String> LAUNCH_LIMITS =
      Set.of(
          "CL_INVALID_WORK_GROUP_SIZE",
          "CL_INVALID_WORK_ITEM_SIZE",
          "CL_INVALID_GLOBAL_WORK_SIZE",
          "CL_INVALID_GLOBAL_OFFSET",
          "CL_INVALID_WORK_DIMENSION");

  private DeviceErrors() {}

  /** A kernel launch ({@code launch} describes it) that the device refused or failed. */
  static DeviceFailureException launch(DeviceInfo device, String launch, CLException error) {
    return new DeviceFailureException(
        "OpenCL "
            + launch
            + " failed on device "
            + device.describe()
            + ": "
            + error.getMessage()
            + ". Fix: "
            + fix(error.getMessage(), device)
            + ".",
        error);
  }

  /** A buffer of {@code bytes} for {@code what} that the device could not allocate. */
  static DeviceFailureException allocation(
      DeviceInfo device, String what, long bytes, CLException error) {
    return new DeviceFailureException(
        "OpenCL cannot allocate "
            + what
            + " ("
            + bytes
            + " bytes) on device "
            + device.describe()
            + ": "
            + error.getMessage()
            + "; the device allows buffers of at most "
            + device.maxAllocationBytes()
            + " bytes and has "
            + device.globalMemoryBytes()
            + " bytes of global memory. Fix: use smaller layers or batches (the largest tensor"
            + " must fit one buffer), close unused tensors, or "
            + USE_CPU
            + ".",
        error);
  }

  /**
   * A command ({@code what}: a read, a copy, waiting for the queue) that failed; OpenCL reports the
   * failure of an earlier kernel at the next command that waits, so {@code lastLaunch} (or null)
   * names the kernel enqueued last.
   */
  static DeviceFailureException command(
      DeviceInfo device, String what, String lastLaunch, CLException error) {
    return new DeviceFailureException(
        "OpenCL failed while "
            + what
            + " on device "
            + device.describe()
            + ": "
            + error.getMessage()
            + (lastLaunch == null
                ? ""
                : " (a queued kernel may have failed; the last one enqueued was "
                    + lastLaunch
                    + ")")
            + ". Fix: "
            + fix(error.getMessage(), device)
            + ".",
        error);
  }

  /** The fix for OpenCL error {@code code} on {@code device}. */
  static String fix(String code, DeviceInfo device) {
    String name = code == null || code.isBlank() ? "" : code.trim().split("\\s+")[0];
    if (OUT_OF_MEMORY.contains(name)) {
      return "the device ran out of memory or resources: use smaller layers or batches, free the"
          + " device from other programs, or "
          + USE_CPU;
    }
    if (LAUNCH_LIMITS.contains(name)) {
      return "the launch sizes do not fit this device's limits (work-groups of at most "
          + device.maxWorkGroupSize()
          + "): choose another device (backend options platform and device) or "
          + USE_CPU
          + ", and report the device with this message";
    }
    return "this is a driver or kernel problem: update the OpenCL driver, choose another device"
        + " (backend options platform and device) or "
        + USE_CPU
        + ", and report it with this message";
  }
}
