package org.cockpit4j.backend.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.cl_mem;

/** Permutation (kernel in movement.cl), slices and concatenations (rectangular buffer copies). */
final class Movement {
  private Movement() {}

  static Tensor permute(OpenClBackend backend, Tensor x, int... axes) {
    int rank = x.rank();
    if (axes.length != rank) {
      throw new IllegalArgumentException(
          "permute of shape "
              + x.shape()
              + " needs "
              + rank
              + " axes, got "
              + Arrays.toString(axes));
    }
    int[] normalized = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      int axis = x.shape().normalizeAxis(axes[i]);
      if (seen[axis]) {
        throw new IllegalArgumentException(
            "permute axes " + Arrays.toString(axes) + " repeat axis " + axes[i]);
      }
      seen[axis] = true;
      normalized[i] = axis;
    }
    int[] dims = x.shape().dims();
    int[] outDims = new int[rank];
    for (int i = 0; i < rank; i++) {
      outDims[i] = dims[normalized[i]];
    }
    cl_mem moved = permuted(backend, x, normalized);
    long bytes = (long) x.size() * x.dtype().bytes();
    return backend.wrap(new OpenClStorage(moved, bytes), new Shape(outDims), x.dtype());
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
    if (groups.size() > BroadcastPlan.MAX_RANK) {
      CL.clReleaseMemObject(out);
      throw new IllegalArgumentException(
          "permute of "
              + x.shape()
              + " by "
              + Arrays.toString(order)
              + " needs "
              + groups.size()
              + " index axes; the OpenCL backend supports "
              + BroadcastPlan.MAX_RANK);
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
    Shape shape = x.shape();
    int a = shape.normalizeAxis(axis);
    int[] dims = shape.dims();
    if (start < 0 || end < start || end > dims[a]) {
      throw new IllegalArgumentException(
          "slice ["
              + start
              + ", "
              + end
              + ") is out of range for axis "
              + axis
              + " of shape "
              + shape
              + "; need 0 <= start <= end <= "
              + dims[a]);
    }
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= dims[i];
    }
    int inner = shape.sizeFrom(a + 1);
    int[] outDims = dims.clone();
    outDims[a] = end - start;
    Tensor out = backend.allocate(new Shape(outDims), x.dtype());
    int bytes = x.dtype().bytes();
    copyRows(
        backend,
        OpenClStorage.of(x),
        (long) start * inner * bytes,
        (long) dims[a] * inner * bytes,
        OpenClStorage.of(out),
        0,
        (long) (end - start) * inner * bytes,
        (long) (end - start) * inner * bytes,
        outer);
    return out;
  }

  static Tensor concat(OpenClBackend backend, List<Tensor> parts, int axis) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat needs at least one tensor");
    }
    Tensor first = parts.get(0);
    Shape firstShape = first.shape();
    int a = firstShape.normalizeAxis(axis);
    int[] outDims = firstShape.dims();
    int total = 0;
    for (Tensor part : parts) {
      OpenClBackend.checkSameDtype("concat", first, part);
      int[] dims = part.shape().dims();
      boolean compatible = dims.length == outDims.length;
      for (int i = 0; compatible && i < dims.length; i++) {
        compatible = i == a || dims[i] == outDims[i];
      }
      if (!compatible) {
        throw new IllegalArgumentException(
            "concat along axis "
                + axis
                + " needs equal extents on every other axis, got "
                + firstShape
                + " and "
                + part.shape());
      }
      total += dims[a];
    }
    outDims[a] = total;
    Tensor out = backend.allocate(new Shape(outDims), first.dtype());
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= outDims[i];
    }
    int inner = firstShape.sizeFrom(a + 1);
    int bytes = first.dtype().bytes();
    long outRun = (long) total * inner * bytes;
    long position = 0;
    for (Tensor part : parts) {
      long run = (long) part.dim(a) * inner * bytes;
      copyRows(
          backend,
          OpenClStorage.of(part),
          0,
          run,
          OpenClStorage.of(out),
          position,
          outRun,
          run,
          outer);
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
