package org.cockpit4j.backend.opencl;

import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BackendProvider;

/**
 * Provides the {@code opencl} backend (priority 20, so {@code auto} prefers it where it works).
 *
 * <p>Options: {@code platform} and {@code device} (an index or a case-insensitive name substring,
 * as listed by {@link OpenClDevices#describe()}; default: the first GPU, else accelerator, else CPU
 * device), {@code gemm} ({@code auto}, {@code cpu}, {@code gpu}: the matrix-product kernel family;
 * default by device type) and {@code fp64} ({@code auto}, {@code off}). Options of other backends
 * are ignored.
 *
 * <p>{@link #isAvailable()} is false, with one reason saying what is missing and how to install it,
 * when the OpenCL loader {@code libOpenCL.so.1} or JOCL's native library cannot be loaded, when
 * there is no platform or device, or when the default device cannot compile the kernels. To tell
 * the last case it compiles the float32 kernels once per JVM, on first call, into the device's
 * shared context, where the backends created afterwards find them (PoCL caches compiled kernels on
 * disk, so later JVMs are fast).
 */
public final class OpenClBackendProvider implements BackendProvider {
  private static String reason;

  @Override
  public String name() {
    return "opencl";
  }

  @Override
  public int priority() {
    return 20;
  }

  @Override
  public boolean isAvailable() {
    return unavailableReason().isEmpty();
  }

  @Override
  public String unavailableReason() {
    return probe();
  }

  private static synchronized String probe() {
    if (reason == null) {
      reason = check();
    }
    return reason;
  }

  private static String check() {
    OpenClDevices.Probe found = OpenClDevices.probe();
    if (!found.problem().isEmpty()) {
      return found.problem();
    }
    try {
      new OpenClBackend(Map.of()).compileFloat32Programs();
      return "";
    } catch (KernelBuildException e) {
      return e.getMessage()
          + " Update the device's OpenCL driver, pick another device with the device= option,"
          + " or use the cpu backend.";
    } catch (RuntimeException | LinkageError e) {
      return "OpenCL could not be initialised (" + e + "). " + OpenClDevices.INSTALL_HINT;
    }
  }

  /** The platforms and devices found, with the options that select them. */
  @Override
  public String describeDevices() {
    return OpenClDevices.describe();
  }

  @Override
  public Backend create(Map<String, String> options) {
    OpenClDevices.Probe found = OpenClDevices.probe();
    if (!found.problem().isEmpty()) {
      throw new IllegalStateException(found.problem());
    }
    return new OpenClBackend(options);
  }
}
