package org.cockpit4j.backend.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cockpit4j.backend.AxisSplit;
import org.cockpit4j.backend.MovementChecks;
import org.cockpit4j.backend.OperandChecks;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.cl_mem;

/** Permutation (kernel in movement.cl), slices and concatenations (rectangular buffer copies). */
final class Movement {
  private Movement() {}

  static Tensor permute(OpenClBackend backend, Tensor x, int... axes) {
    int[] order = MovementChecks.permutation(x.shape(), axes);
    cl_mem moved = permuted(backend, x, order);
    long bytes = (long) x.size() * x.dtype().bytes();
    return backend.wrap(
        new OpenClStorage(moved, bytes), MovementChecks.permuted(x.shape(), order), x.dtype());
  }

  /**
   * A new buffer holding {@code x} with its axes reordered ({@code order} normalised and valid);
   * null when {@code x} is empty. Axes that stay adjacent are merged first.
   */
  static cl_mem permuted(OpenClBackend backend, Tensor x, int[] order) {
    int size = x.size();
    cl_mem out = backend.allocate(size, x.dtype());
    if (size == 0) {
      return null;
    }
    int[] dims = x.shape().dims();
    // Groups of output axes that read consecutive input axes, extent-1 axes dropped.
    List<int[]> groups = new ArrayList<>(); // {first input axis, last input axis}
    for (int axis : order) {
      if (dims[axis] == 1) {
        continue;
      }
      int[] previous = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (previous != null && nextNonUnit(dims, previous[1]) == axis) {
        previous[1] = axis;
      } else {
        groups.add(new int[] {axis, axis});
      }
    }
    if (groups.size() <= 1) {
      OpenClContext context = backend.context();
      cl_mem source = OpenClStorage.of(x);
      context.command(
          () -> "copying a " + x.dtype() + " tensor of shape " + x.shape(),
          () ->
              CL.clEnqueueCopyBuffer(
                  context.queue(),
                  source,
                  out,
                  0,
                  0,
                  (long) size * x.dtype().bytes(),
                  0,
                  null,
                  null));
      return out;
    }
    if (groups.size() > KernelLaunch.MAX_INDEX_AXES) {
      CL.clReleaseMemObject(out);
      throw new IllegalArgumentException(
          "permute of "
              + x.shape()
              + " by "
              + Arrays.toString(order)
              + " needs "
              + groups.size()
              + " index axes; the OpenCL backend supports "
              + KernelLaunch.MAX_INDEX_AXES);
    }
    int[] groupDims = new int[groups.size()];
    int[] groupStrides = new int[groups.size()];
    int[] strides = x.shape().strides();
    for (int g = 0; g < groups.size(); g++) {
      int[] group = groups.get(g);
      int extent = 1;
      for (int axis = group[0]; axis <= group[1]; axis++) {
        extent *= dims[axis];
      }
      groupDims[g] = extent;
      groupStrides[g] = strides[group[1]];
    }
    backend
        .launch(KernelFamily.MOVEMENT, x.dtype(), "permute")
        .tensor(x)
        .buffer(out)
        .integer(size)
        .integer(groups.size())
        .vector8(groupDims)
        .vector8(groupStrides)
        .run1d(size);
    return out;
  }

  /** The first axis after {@code axis} with extent other than 1, or -1. */
  private static int nextNonUnit(int[] dims, int axis) {
    for (int i = axis + 1; i < dims.length; i++) {
      if (dims[i] != 1) {
        return i;
      }
    }
    return -1;
  }

  static Tensor slice(OpenClBackend backend, Tensor x, int axis, int start, int end) {
    AxisSplit split = MovementChecks.slice(x.shape(), axis, start, end);
    int inner = split.inner();
    Tensor out = backend.allocate(split.withExtent(end - start), x.dtype());
    int bytes = x.dtype().bytes();
    copyRows(
        backend,
        OpenClStorage.of(x),
        (long) start * inner * bytes,
        (long) split.extent() * inner * bytes,
        OpenClStorage.of(out),
        0,
        (long) (end - start) * inner * bytes,
        (long) (end - start) * inner * bytes,
        split.outer());
    return out;
  }

  static Tensor concat(OpenClBackend backend, List<Tensor> parts, int axis) {
    AxisSplit split = MovementChecks.concat(parts, axis);
    Tensor first = parts.get(0);
    for (Tensor part : parts) {
      OperandChecks.sameDtype("concat", first, part);
    }
    Tensor out = backend.allocate(split.shape(), first.dtype());
    int inner = split.inner();
    int bytes = first.dtype().bytes();
    long outRun = (long) split.extent() * inner * bytes;
    long position = 0;
    for (Tensor part : parts) {
      long run = (long) part.dim(split.axis()) * inner * bytes;
      copyRows(
          backend,
          OpenClStorage.of(part),
          0,
          run,
          OpenClStorage.of(out),
          position,
          outRun,
          run,
          split.outer());
      position += run;
    }
    return out;
  }

  /** Copies {@code rows} runs of {@code run} bytes between pitched row layouts. */
  private static void copyRows(
      OpenClBackend backend,
      cl_mem source,
      long sourceOffset,
      long sourcePitch,
      cl_mem target,
      long targetOffset,
      long targetPitch,
      long run,
      int rows) {
    if (run == 0 || rows == 0) {
      return;
    }
    OpenClContext context = backend.context();
    context.command(
        () -> "copying " + rows + " rows of " + run + " bytes between tensors",
        () ->
            CL.clEnqueueCopyBufferRect(
                context.queue(),
                source,
                target,
                new long[] {sourceOffset, 0, 0},
                new long[] {targetOffset, 0, 0},
                new long[] {run, rows, 1},
                sourcePitch,
                0,
                targetPitch,
                0,
                0,
                null,
                null));
  }
}
