package org.cockpit4j.backend.opencl;

import static org.jocl.CL.CL_DEVICE_AVAILABLE;
import static org.jocl.CL.CL_DEVICE_COMPILER_AVAILABLE;
import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Finds the OpenCL platforms and devices of this machine (once per JVM) and picks the one the
 * backend options ask for. {@link #describe()} lists them for {@code cockpit list}; {@code main}
 * prints the same.
 *
 * <p>Options: {@code platform} (index, or a case-insensitive substring of the platform's name) and
 * {@code device} (index within the platform, or a substring of the device's name). Without them the
 * first GPU is taken, else the first accelerator, else the first CPU device.
 */
public final class OpenClDevices {
  /** How to get an OpenCL runtime, appended to every "unavailable" reason. */
  static final String INSTALL_HINT =
      "Install an OpenCL runtime, e.g. 'apt-get install ocl-icd-libopencl1 pocl-opencl-icd' for"
          + " a CPU device (PoCL), or your GPU vendor's OpenCL driver; check with 'clinfo'.";

  /** The devices found, or why there are none ({@code problem} empty when some were found). */
  record Probe(List<DeviceInfo> devices, String problem) {}

  private static Probe probe;

  private OpenClDevices() {}

  /** Probes the library, platforms and devices once; never throws. */
  static synchronized Probe probe() {
    if (probe == null) {
      probe = runProbe();
    }
    return probe;
  }

  private static Probe runProbe() {
    try {
      CL.setExceptionsEnabled(true);
    } catch (LinkageError e) {
      return new Probe(
          List.of(),
          "OpenCL is not installed: JOCL could not load its native library or the OpenCL loader"
              + " libOpenCL.so.1 ("
              + e
              + "). "
              + INSTALL_HINT);
    }
    cl_platform_id[] platforms;
    try {
      int[] count = new int[1];
      CL.clGetPlatformIDs(0, null, count);
      platforms = new cl_platform_id[count[0]];
      if (count[0] > 0) {
        CL.clGetPlatformIDs(count[0], platforms, null);
      }
    } catch (CLException | LinkageError e) {
      return new Probe(
          List.of(),
          "No OpenCL platform is installed: the OpenCL loader found no driver (ICD) in"
              + " /etc/OpenCL/vendors ("
              + e.getMessage()
              + "). "
              + INSTALL_HINT);
    }
    if (platforms.length == 0) {
      return new Probe(List.of(), "No OpenCL platform is installed. " + INSTALL_HINT);
    }
    List<DeviceInfo> devices = new ArrayList<>();
    List<String> platformNames = new ArrayList<>();
    for (int p = 0; p < platforms.length; p++) {
      String platformName = platformString(platforms[p]);
      platformNames.add(platformName);
      cl_device_id[] ids;
      try {
        int[] count = new int[1];
        CL.clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 0, null, count);
        ids = new cl_device_id[count[0]];
        if (count[0] > 0) {
          CL.clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, count[0], ids, null);
        }
      } catch (CLException e) {
        continue; // CL_DEVICE_NOT_FOUND: a platform without devices
      }
      for (int d = 0; d < ids.length; d++) {
        if (deviceInt(ids[d], CL_DEVICE_AVAILABLE) == 0) {
          continue;
        }
        devices.add(info(p, platformName, platforms[p], d, ids[d]));
      }
    }
    if (devices.isEmpty()) {
      return new Probe(
          List.of(),
          "OpenCL platform(s) "
              + platformNames
              + " found but no available device. "
              + INSTALL_HINT);
    }
    return new Probe(List.copyOf(devices), "");
  }

  private static DeviceInfo info(
      int platformIndex,
      String platformName,
      cl_platform_id platform,
      int deviceIndex,
      cl_device_id device) {
    String extensions = deviceString(device, CL_DEVICE_EXTENSIONS);
    return new DeviceInfo(
        platformIndex,
        platformName,
        deviceIndex,
        deviceString(device, CL_DEVICE_NAME),
        DeviceInfo.typeName(deviceLong(device, CL_DEVICE_TYPE)),
        deviceString(device, CL_DEVICE_VERSION),
        extensions.contains("cl_khr_fp64"),
        deviceInt(device, CL_DEVICE_COMPILER_AVAILABLE) != 0,
        deviceInt(device, CL_DEVICE_MAX_COMPUTE_UNITS),
        deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE),
        deviceLong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE),
        deviceLong(device, CL_DEVICE_MAX_WORK_GROUP_SIZE),
        deviceLong(device, CL_DEVICE_LOCAL_MEM_SIZE),
        platform,
        device);
  }

  /**
   * The platforms and devices of this machine, one per line, or why OpenCL is unavailable. For
   * {@code cockpit list}.
   */
  public static String describe() {
    Probe found = probe();
    if (!found.problem().isEmpty()) {
      return "OpenCL: unavailable. " + found.problem();
    }
    StringBuilder out = new StringBuilder("OpenCL devices (select with platform=, device=):");
    for (DeviceInfo device : found.devices()) {
      out.append(System.lineSeparator()).append("  ").append(device.describe());
    }
    return out.toString();
  }

  /** Prints {@link #describe()}. */
  public static void main(String[] args) {
    System.out.println(describe());
  }

  /**
   * The device selected by the {@code platform} and {@code device} options; fails naming the
   * devices found when none matches, or with the probe's problem when there are none.
   */
  static DeviceInfo select(Map<String, String> options) {
    Probe found = probe();
    if (!found.problem().isEmpty()) {
      throw new IllegalStateException(found.problem());
    }
    List<DeviceInfo> candidates = new ArrayList<>();
    String platform = options.get("platform");
    String device = options.get("device");
    for (DeviceInfo info : found.devices()) {
      if ((platform == null || matches(platform, info.platformIndex(), info.platformName()))
          && (device == null || matches(device, info.deviceIndex(), info.name()))) {
        candidates.add(info);
      }
    }
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(
          "No OpenCL device matches platform="
              + (platform == null ? "(any)" : "'" + platform + "'")
              + " device="
              + (device == null ? "(any)" : "'" + device + "'")
              + ". "
              + describe());
    }
    candidates.sort(Comparator.comparingInt(OpenClDevices::preference));
    return candidates.get(0);
  }

  /** Lower is preferred: GPUs, then accelerators, then CPUs (stable within a kind). */
  private static int preference(DeviceInfo info) {
    switch (info.type()) {
      case "GPU":
        return 0;
      case "ACCELERATOR":
        return 1;
      case "CPU":
        return 2;
      default:
        return 3;
    }
  }

  /** An integer option matches the index; anything else is a name substring. */
  private static boolean matches(String option, int index, String name) {
    String wanted = option.trim();
    if (wanted.matches("\\d+")) {
      return Integer.parseInt(wanted) == index;
    }
    return name.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
  }

  private static String platformString(cl_platform_id platform) {
    long[] size = new long[1];
    CL.clGetPlatformInfo(platform, CL_PLATFORM_NAME, 0, null, size);
    byte[] bytes = new byte[(int) size[0]];
    CL.clGetPlatformInfo(platform, CL_PLATFORM_NAME, bytes.length, Pointer.to(bytes), null);
    return cString(bytes);
  }

  private static String deviceString(cl_device_id device, int parameter) {
    long[] size = new long[1];
    CL.clGetDeviceInfo(device, parameter, 0, null, size);
    byte[] bytes = new byte[(int) size[0]];
    CL.clGetDeviceInfo(device, parameter, bytes.length, Pointer.to(bytes), null);
    return cString(bytes);
  }

  private static long deviceLong(cl_device_id device, int parameter) {
    long[] value = new long[1];
    CL.clGetDeviceInfo(device, parameter, Sizeof.cl_long, Pointer.to(value), null);
    return value[0];
  }

  private static int deviceInt(cl_device_id device, int parameter) {
    int[] value = new int[1];
    CL.clGetDeviceInfo(device, parameter, Sizeof.cl_int, Pointer.to(value), null);
    return value[0];
  }

  private static String cString(byte[] bytes) {
    int length = 0;
    while (length < bytes.length && bytes[length] != 0) {
      length++;
    }
    return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8).trim();
  }
}
