package org.cockpit4j.backend.cpu;

import java.util.Arrays;
import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * Data movement: permute, slice, concat, gather and scatter-add, with index checks. Part of {@link
 * CpuBackend}, which delegates these ops here.
 */
final class MovementOps {
  private final CpuBackend backend;
  private final CpuThreads threads;

  MovementOps(CpuBackend backend, CpuThreads threads) {
    this.backend = backend;
    this.threads = threads;
  }

  Tensor permute(Tensor x, int... axes) {
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
    Object out = CpuBackend.allocate(x.dtype(), x.size());
    Permutation.permute(threads, CpuStorage.array(x), dims, normalized, out);
    return backend.wrapArray(out, new Shape(Permutation.permutedDims(dims, normalized)));
  }

  Tensor slice(Tensor x, int axis, int start, int end) {
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
    Shape outShape = new Shape(outDims);
    Object out = CpuBackend.allocate(x.dtype(), outShape.sizeAsInt());
    Object data = CpuStorage.array(x);
    int run = (end - start) * inner;
    for (int o = 0; o < outer; o++) {
      System.arraycopy(data, (o * dims[a] + start) * inner, out, o * run, run);
    }
    return backend.wrapArray(out, outShape);
  }

  Tensor concat(List<Tensor> parts, int axis) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat needs at least one tensor");
    }
    Tensor first = parts.get(0);
    Shape firstShape = first.shape();
    int a = firstShape.normalizeAxis(axis);
    int[] outDims = firstShape.dims();
    int total = 0;
    for (Tensor part : parts) {
      CpuBackend.checkSameDtype("concat", first, part);
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
    Shape outShape = new Shape(outDims);
    Object out = CpuBackend.allocate(first.dtype(), outShape.sizeAsInt());
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= outDims[i];
    }
    int inner = firstShape.sizeFrom(a + 1);
    int outRun = total * inner;
    int position = 0;
    for (Tensor part : parts) {
      Object data = CpuStorage.array(part);
      int run = part.dim(a) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(data, o * run, out, o * outRun + position, run);
      }
      position += run;
    }
    return backend.wrapArray(out, outShape);
  }

  /**
   * Fails naming the first invalid index value if any kernel met one ({@code firstBad} holds its
   * flat position, or {@link Integer#MAX_VALUE}).
   */
  private static void checkIndices(
      java.util.concurrent.atomic.AtomicInteger firstBad, Tensor index, int bound, String what) {
    int position = firstBad.get();
    if (position != Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          what
              + ": index value "
              + IndexKernels.value(CpuStorage.array(index), position)
              + " at flat position "
              + position
              + " of index shape "
              + index.shape()
              + " is not an integer in [0, "
              + bound
              + ")");
    }
  }

  /** Records the flat position {@code bad} (if not -1) as a candidate for the first invalid one. */
  private static void noteBad(java.util.concurrent.atomic.AtomicInteger firstBad, int bad) {
    if (bad >= 0) {
      firstBad.accumulateAndGet(bad, Math::min);
    }
  }

  private static void checkIndexShape(String what, Shape index, Shape other, int axis) {
    boolean compatible = index.rank() == other.rank();
    for (int i = 0; compatible && i < index.rank(); i++) {
      compatible = i == axis || index.dim(i) == other.dim(i);
    }
    if (!compatible) {
      throw new IllegalArgumentException(
          what
              + ": index shape "
              + index
              + " must have the rank of "
              + other
              + " and its extents on every axis but "
              + axis);
    }
  }

  Tensor gather(Tensor x, int axis, Tensor index) {
    int a = x.shape().normalizeAxis(axis);
    checkIndexShape("gather", index.shape(), x.shape(), a);
    int count = x.dim(a);
    int picked = index.dim(a);
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= x.dim(i);
    }
    int inner = x.shape().sizeFrom(a + 1);
    Object data = CpuStorage.array(x);
    Object idx = CpuStorage.array(index);
    Object out = CpuBackend.allocate(x.dtype(), index.size());
    java.util.concurrent.atomic.AtomicInteger firstBad =
        new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
    threads.parallelFor(
        outer,
        Math.max(1, CpuBackend.ELEMENTWISE_GRAIN / Math.max(1, picked * inner)),
        (c, from, to) ->
            noteBad(
                firstBad,
                data instanceof float[] f
                    ? IndexKernels.gather(f, count, inner, idx, picked, (float[]) out, from, to)
                    : IndexKernels.gather(
                        (double[]) data, count, inner, idx, picked, (double[]) out, from, to)));
    checkIndices(firstBad, index, count, "gather along axis " + axis + " of " + x.shape());
    return backend.wrapArray(out, index.shape());
  }

  Tensor scatterAdd(Tensor index, Tensor source, int axis, Shape shape) {
    if (!index.shape().equals(source.shape())) {
      throw new IllegalArgumentException(
          "scatterAdd needs index and source of one shape, got "
              + index.shape()
              + " and "
              + source.shape());
    }
    int a = shape.normalizeAxis(axis);
    checkIndexShape("scatterAdd into " + shape, index.shape(), shape, a);
    int count = shape.dim(a);
    int picked = index.dim(a);
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= shape.dim(i);
    }
    int inner = shape.sizeFrom(a + 1);
    Object data = CpuStorage.array(source);
    Object idx = CpuStorage.array(index);
    Object out =
        CpuBackend.allocate(source.dtype(), shape.sizeAsInt()); // rows zeroed by the kernel
    java.util.concurrent.atomic.AtomicInteger firstBad =
        new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
    threads.parallelFor(
        outer,
        Math.max(1, CpuBackend.ELEMENTWISE_GRAIN / Math.max(1, picked * inner)),
        (c, from, to) ->
            noteBad(
                firstBad,
                data instanceof float[] f
                    ? IndexKernels.scatterAdd(f, count, inner, idx, picked, (float[]) out, from, to)
                    : IndexKernels.scatterAdd(
                        (double[]) data, count, inner, idx, picked, (double[]) out, from, to)));
    checkIndices(firstBad, index, count, "scatterAdd along axis " + axis + " into " + shape);
    return backend.wrapArray(out, shape);
  }
}
