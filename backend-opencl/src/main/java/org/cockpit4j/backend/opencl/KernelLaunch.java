package org.cockpit4j.backend.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * One kernel launch: arguments are collected in order, then set and enqueued atomically under the
 * context's lock (kernel objects are shared). Scalars typed {@code real} in OpenCL C are passed
 * with {@link #real}, which narrows to float for float32 programs. A launch the device refuses
 * fails with a {@link org.cockpit4j.backend.DeviceFailureException} naming the kernel, the shapes
 * of its tensor arguments, the launch sizes, the device and a fix.
 */
final class KernelLaunch {
  private record Argument(long size, Pointer value) {}

  private final OpenClContext context;
  private final KernelFamily family;
  private final String name;
  private final cl_kernel kernel;
  private final DType dtype;
  private final List<Argument> arguments = new ArrayList<>();
  private final List<Shape> shapes = new ArrayList<>(4);
  private long[] global;
  private long[] local;

  KernelLaunch(OpenClContext context, KernelFamily family, DType dtype, String name) {
    this.context = context;
    this.family = family;
    this.name = name;
    this.kernel = context.kernel(family, dtype, name);
    this.dtype = dtype;
  }

  /** A buffer argument. */
  KernelLaunch buffer(cl_mem mem) {
    arguments.add(new Argument(Sizeof.cl_mem, Pointer.to(mem)));
    return this;
  }

  /** The buffer of an OpenCL tensor. */
  KernelLaunch tensor(Tensor tensor) {
    shapes.add(tensor.shape());
    return buffer(OpenClStorage.of(tensor));
  }

  /** An {@code int} argument. */
  KernelLaunch integer(int value) {
    arguments.add(new Argument(Sizeof.cl_int, Pointer.to(new int[] {value})));
    return this;
  }

  /** Index axes an {@code int8} argument holds: the most a strided kernel can walk. */
  static final int MAX_INDEX_AXES = 8;

  /** An {@code int8} argument (unused trailing lanes are zero). */
  KernelLaunch vector8(int[] values) {
    int[] lanes = java.util.Arrays.copyOf(values, MAX_INDEX_AXES);
    arguments.add(new Argument(Sizeof.cl_int8, Pointer.to(lanes)));
    return this;
  }

  /** A {@code ulong} argument. */
  KernelLaunch unsignedLong(long value) {
    arguments.add(new Argument(Sizeof.cl_ulong, Pointer.to(new long[] {value})));
    return this;
  }

  /** A {@code real} argument: float or double by the program's dtype. */
  KernelLaunch real(double value) {
    if (dtype == DType.FLOAT32) {
      arguments.add(new Argument(Sizeof.cl_float, Pointer.to(new float[] {(float) value})));
    } else {
      arguments.add(new Argument(Sizeof.cl_double, Pointer.to(new double[] {value})));
    }
    return this;
  }

  /** Runs {@code workItems} items (rounded up to the work-group size; kernels bound-check). */
  void run1d(int workItems) {
    if (workItems <= 0) {
      return;
    }
    long local = context.localSize();
    long global = (workItems + local - 1) / local * local;
    run(new long[] {global}, new long[] {local});
  }

  /** Runs with explicit global and local sizes (local may be null: the runtime picks). */
  void run(long[] global, long[] local) {
    this.global = global;
    this.local = local;
    synchronized (context) {
      try {
        for (int i = 0; i < arguments.size(); i++) {
          Argument argument = arguments.get(i);
          CL.clSetKernelArg(kernel, i, argument.size(), argument.value());
        }
        CL.clEnqueueNDRangeKernel(
            context.queue(), kernel, global.length, null, global, local, 0, null, null);
      } catch (CLException e) {
        throw DeviceErrors.launch(context.device(), describe(), e);
      }
      context.launched(this);
    }
  }

  /**
   * {@code kernel 'NAME' (FILE, DTYPE) on tensors [..], [..] with global size [..], local size
   * [..]}.
   */
  String describe() {
    return "kernel '"
        + name
        + "' ("
        + family.file()
        + ", "
        + dtype
        + ")"
        + (shapes.isEmpty()
            ? ""
            : " on tensors "
                + shapes.stream().map(Shape::toString).collect(Collectors.joining(", ")))
        + (global == null
            ? ""
            : " with global size "
                + Arrays.toString(global)
                + ", local size "
                + (local == null ? "chosen by the runtime" : Arrays.toString(local)));
  }
}
