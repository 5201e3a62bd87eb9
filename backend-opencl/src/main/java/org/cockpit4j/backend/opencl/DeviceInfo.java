package org.cockpit4j.backend.opencl;

import java.util.Locale;
import org.jocl.CL;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as found on this machine, with what the backend needs to know about it.
 *
 * @param platformIndex index of its platform in {@code clGetPlatformIDs} order
 * @param platformName the platform's name (e.g. {@code Portable Computing Language})
 * @param deviceIndex index of the device within its platform
 * @param name the device's name
 * @param type {@code CPU}, {@code GPU}, {@code ACCELERATOR} or {@code OTHER}
 * @param version the device's OpenCL version string
 * @param fp64 whether the device reports {@code cl_khr_fp64}
 * @param compilerAvailable whether the device can compile OpenCL C
 * @param computeUnits number of compute units
 * @param globalMemoryBytes global memory size
 * @param maxAllocationBytes the largest buffer the device allows ({@code
 *     CL_DEVICE_MAX_MEM_ALLOC_SIZE})
 * @param maxWorkGroupSize largest work-group size
 * @param localMemoryBytes local memory per work-group
 * @param platform the platform handle
 * @param device the device handle
 */
record DeviceInfo(
    int platformIndex,
    String platformName,
    int deviceIndex,
    String name,
    String type,
    String version,
    boolean fp64,
    boolean compilerAvailable,
    int computeUnits,
    long globalMemoryBytes,
    long maxAllocationBytes,
    long maxWorkGroupSize,
    long localMemoryBytes,
    cl_platform_id platform,
    cl_device_id device) {

  /** Whether this is a CPU device (which gets the register-blocked kernels). */
  boolean isCpu() {
    return "CPU".equals(type);
  }

  /** Type name for a {@code CL_DEVICE_TYPE} bit field. */
  static String typeName(long type) {
    if ((type & CL.CL_DEVICE_TYPE_GPU) != 0) {
      return "GPU";
    }
    if ((type & CL.CL_DEVICE_TYPE_CPU) != 0) {
      return "CPU";
    }
    if ((type & CL.CL_DEVICE_TYPE_ACCELERATOR) != 0) {
      return "ACCELERATOR";
    }
    return "OTHER";
  }

  /** One line: indices, names, type, memory, largest buffer, fp64. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "platform %d '%s', device %d '%s' (%s, %s, %d compute units, %.1f GiB, buffers up to %.1f"
            + " GiB%s)",
        platformIndex,
        platformName,
        deviceIndex,
        name,
        type,
        version,
        computeUnits,
        globalMemoryBytes / (double) (1L << 30),
        maxAllocationBytes / (double) (1L << 30),
        fp64 ? ", fp64" : ", no fp64");
  }
}
