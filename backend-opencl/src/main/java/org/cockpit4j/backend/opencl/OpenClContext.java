package org.cockpit4j.backend.opencl;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * One OpenCL context and in-order command queue on one device, with its compiled programs and
 * kernels. Contexts are shared per (device, fp64 use) for the life of the JVM, so each program is
 * compiled once per JVM however many backends are created (PoCL compiles slowly). Kernel arguments
 * are set and the kernel enqueued while holding this object's lock. OpenCL errors become {@link
 * org.cockpit4j.backend.DeviceFailureException}s naming what failed, the device and a fix ({@link
 * DeviceErrors}).
 */
final class OpenClContext {
  private static final Map<String, OpenClContext> SHARED = new HashMap<>();

  private final DeviceInfo device;
  private final boolean fp64;
  private final cl_context context;
  private final cl_command_queue queue;
  private final Map<String, cl_program> programs = new HashMap<>();
  private final Map<String, cl_kernel> kernels = new HashMap<>();
  private final cl_mem errorFlag;
  private volatile KernelLaunch lastLaunch;

  private OpenClContext(DeviceInfo device, boolean fp64) {
    this.device = device;
    this.fp64 = fp64;
    cl_device_id[] ids = {device.device()};
    this.context = CL.clCreateContext(null, 1, ids, null, null, null);
    this.queue = createQueue(context, device.device());
    this.errorFlag = CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, Sizeof.cl_int, null, null);
  }

  @SuppressWarnings("deprecation") // clCreateCommandQueue is the OpenCL 1.2 entry point
  private static cl_command_queue createQueue(cl_context context, cl_device_id device) {
    return CL.clCreateCommandQueue(context, device, 0, null);
  }

  /** The shared context for {@code device}; {@code fp64} false compiles float32-only programs. */
  static synchronized OpenClContext shared(DeviceInfo device, boolean fp64) {
    String key = device.platformIndex() + "/" + device.deviceIndex() + "/" + fp64;
    return SHARED.computeIfAbsent(key, k -> new OpenClContext(device, fp64));
  }

  DeviceInfo device() {
    return device;
  }

  /** Whether float64 programs exist and float32 sums accumulate in double. */
  boolean fp64() {
    return fp64;
  }

  cl_command_queue queue() {
    return queue;
  }

  /** Work-group size of the one-dimensional elementwise kernels. */
  int localSize() {
    return (int) Math.min(64, device.maxWorkGroupSize());
  }

  /** A new scratch buffer of {@code bytes} (positive). */
  cl_mem allocate(long bytes) {
    return allocate(bytes, null, null);
  }

  /**
   * A new device buffer of {@code bytes} (positive) for a tensor of {@code shape} and {@code dtype}
   * (null for a scratch buffer), failing with the sizes and the device's limits.
   */
  cl_mem allocate(long bytes, Shape shape, DType dtype) {
    try {
      return CL.clCreateBuffer(context, CL.CL_MEM_READ_WRITE, bytes, null, null);
    } catch (CLException e) {
      String what = shape == null ? "a scratch buffer" : "a " + dtype + " tensor of shape " + shape;
      throw DeviceErrors.allocation(device, what, bytes, e);
    }
  }

  /** A new device buffer holding {@code data}, for a tensor of {@code shape} and {@code dtype}. */
  cl_mem upload(Pointer data, long bytes, Shape shape, DType dtype) {
    cl_mem mem = allocate(bytes, shape, dtype);
    command(
        () -> "writing a " + dtype + " tensor of shape " + shape + " to the device",
        () -> CL.clEnqueueWriteBuffer(queue, mem, true, 0, bytes, data, 0, null, null));
    return mem;
  }

  /**
   * Runs an OpenCL command other than a kernel launch (a read, write, fill or copy; waiting for the
   * queue), turning an OpenCL error into a message naming {@code what} was done, the last kernel
   * enqueued (OpenCL reports a failed kernel at the next command that waits), the device and a fix.
   */
  void command(Supplier<String> what, Runnable command) {
    try {
      command.run();
    } catch (CLException e) {
      KernelLaunch last = lastLaunch;
      throw DeviceErrors.command(device, what.get(), last == null ? null : last.describe(), e);
    }
  }

  /** Records the kernel just enqueued, for the message of a later failure. */
  void launched(KernelLaunch launch) {
    lastLaunch = launch;
  }

  /** The kernel {@code name} of {@code family} for {@code dtype}, compiling it on first use. */
  synchronized cl_kernel kernel(KernelFamily family, DType dtype, String name) {
    String key = family + "/" + dtype + "/" + name;
    cl_kernel kernel = kernels.get(key);
    if (kernel == null) {
      cl_program program = program(family, dtype);
      try {
        kernel = CL.clCreateKernel(program, name, null);
      } catch (CLException e) {
        throw DeviceErrors.launch(
            device, "kernel '" + name + "' (" + family.file() + ", " + dtype + ")", e);
      }
      kernels.put(key, kernel);
    }
    return kernel;
  }

  /** Compiles {@code family} for {@code dtype} unless already done; fails with the build log. */
  synchronized cl_program program(KernelFamily family, DType dtype) {
    String key = family + "/" + dtype;
    cl_program program = programs.get(key);
    if (program != null) {
      return program;
    }
    program = build(family.file(), family.source(), dtype);
    programs.put(key, program);
    return program;
  }

  /**
   * Compiles {@code source} (named {@code file} in messages) for {@code dtype}, uncached; fails
   * with a {@link KernelBuildException} carrying the build log. Package-private for the tests,
   * which compile a broken source through it.
   */
  synchronized cl_program build(String file, String source, DType dtype) {
    if (dtype == DType.FLOAT64 && !fp64) {
      throw new UnsupportedDTypeException(dtype, device.name());
    }
    String options =
        (dtype == DType.FLOAT64 ? "-DREAL_IS_DOUBLE " : "") + (fp64 ? "-DHAS_FP64" : "");
    cl_program program =
        CL.clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
    try {
      CL.clBuildProgram(program, 1, new cl_device_id[] {device.device()}, options, null, null);
    } catch (CLException e) {
      String log = buildLog(program);
      CL.clReleaseProgram(program);
      throw new KernelBuildException(
          "OpenCL kernel file "
              + file
              + " ("
              + dtype
              + ") failed to compile on device "
              + device.describe()
              + ": "
              + e.getMessage().lines().findFirst().orElse("")
              + (log.isEmpty() ? "" : "; build log: " + log.replaceAll("\\s*\\R\\s*", " | "))
              + ". Fix: "
              + DeviceErrors.fix(e.getMessage(), device)
              + ".",
          e);
    }
    return program;
  }

  private String buildLog(cl_program program) {
    try {
      long[] size = new long[1];
      CL.clGetProgramBuildInfo(program, device.device(), CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
      byte[] bytes = new byte[(int) size[0]];
      CL.clGetProgramBuildInfo(
          program, device.device(), CL.CL_PROGRAM_BUILD_LOG, bytes.length, Pointer.to(bytes), null);
      String log = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).trim();
      return log.length() > 4000 ? log.substring(0, 4000) + " ..." : log;
    } catch (CLException e) {
      return "";
    }
  }

  /**
   * Runs {@code launch} (a kernel whose last argument is the error flag) and returns the flag:
   * {@link Integer#MAX_VALUE} when the kernel reported nothing. Waits for the kernel.
   */
  synchronized int runChecked(KernelLaunch launch, int workItems) {
    int[] flag = {Integer.MAX_VALUE};
    command(
        () -> "clearing the index-check flag",
        () ->
            CL.clEnqueueFillBuffer(
                queue,
                errorFlag,
                Pointer.to(flag),
                Sizeof.cl_int,
                0,
                Sizeof.cl_int,
                0,
                null,
                null));
    launch.buffer(errorFlag).run1d(workItems);
    command(
        () -> "reading the index-check flag of " + launch.describe(),
        () ->
            CL.clEnqueueReadBuffer(
                queue, errorFlag, true, 0, Sizeof.cl_int, Pointer.to(flag), 0, null, null));
    return flag[0];
  }

  /** Waits until every queued command has finished. */
  void finish() {
    command(() -> "waiting for the queued kernels", () -> CL.clFinish(queue));
  }
}
