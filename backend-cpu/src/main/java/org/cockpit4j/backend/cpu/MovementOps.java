package org.cockpit4j.backend.cpu;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cockpit4j.backend.AxisSplit;
import org.cockpit4j.backend.IndexChecks;
import org.cockpit4j.backend.MovementChecks;
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
    int[] order = MovementChecks.permutation(x.shape(), axes);
    Object out = CpuBackend.allocate(x.dtype(), x.size());
    Permutation.permute(threads, CpuStorage.array(x), x.shape().dims(), order, out);
    return backend.wrapArray(out, MovementChecks.permuted(x.shape(), order));
  }

  Tensor slice(Tensor x, int axis, int start, int end) {
    AxisSplit split = MovementChecks.slice(x.shape(), axis, start, end);
    int outer = split.outer();
    int extent = split.extent();
    int inner = split.inner();
    Shape outShape = split.withExtent(end - start);
    Object out = CpuBackend.allocate(x.dtype(), outShape.sizeAsInt());
    Object data = CpuStorage.array(x);
    int run = (end - start) * inner;
    for (int o = 0; o < outer; o++) {
      System.arraycopy(data, (o * extent + start) * inner, out, o * run, run);
    }
    return backend.wrapArray(out, outShape);
  }

  Tensor concat(List<Tensor> parts, int axis) {
    AxisSplit split = MovementChecks.concat(parts.stream().map(Tensor::shape).toList(), axis);
    Tensor first = parts.get(0);
    for (Tensor part : parts) {
      CpuBackend.checkSameDtype("concat", first, part);
    }
    Object out = CpuBackend.allocate(first.dtype(), split.shape().sizeAsInt());
    int outer = split.outer();
    int inner = split.inner();
    int outRun = split.extent() * inner;
    int position = 0;
    for (Tensor part : parts) {
      Object data = CpuStorage.array(part);
      int run = part.dim(split.axis()) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(data, o * run, out, o * outRun + position, run);
      }
      position += run;
    }
    return backend.wrapArray(out, split.shape());
  }

  Tensor gather(Tensor x, int axis, Tensor index) {
    AxisSplit split = IndexChecks.gather(x.shape(), axis, index.shape());
    int count = split.extent();
    int picked = index.dim(split.axis());
    int inner = split.inner();
    Object data = CpuStorage.array(x);
    Object idx = CpuStorage.array(index);
    Object out = CpuBackend.allocate(x.dtype(), index.size());
    int bad =
        firstBadIndex(
            split,
            picked,
            (from, to) ->
                data instanceof float[] f
                    ? IndexKernels.gather(f, count, inner, idx, picked, (float[]) out, from, to)
                    : IndexKernels.gather(
                        (double[]) data, count, inner, idx, picked, (double[]) out, from, to));
    if (bad != Integer.MAX_VALUE) {
      throw IndexChecks.badGatherIndex(
          x.shape(), axis, index.shape(), bad, IndexKernels.value(idx, bad));
    }
    return backend.wrapArray(out, index.shape());
  }

  Tensor scatterAdd(Tensor index, Tensor source, int axis, Shape shape) {
    AxisSplit split = IndexChecks.scatterAdd(index.shape(), source.shape(), axis, shape);
    int count = split.extent();
    int picked = index.dim(split.axis());
    int inner = split.inner();
    Object data = CpuStorage.array(source);
    Object idx = CpuStorage.array(index);
    Object out =
        CpuBackend.allocate(source.dtype(), shape.sizeAsInt()); // rows zeroed by the kernel
    int bad =
        firstBadIndex(
            split,
            picked,
            (from, to) ->
                data instanceof float[] f
                    ? IndexKernels.scatterAdd(f, count, inner, idx, picked, (float[]) out, from, to)
                    : IndexKernels.scatterAdd(
                        (double[]) data, count, inner, idx, picked, (double[]) out, from, to));
    if (bad != Integer.MAX_VALUE) {
      throw IndexChecks.badScatterAddIndex(
          shape, axis, index.shape(), bad, IndexKernels.value(idx, bad));
    }
    return backend.wrapArray(out, shape);
  }

  /** An index kernel over the outer rows {@code [from, to)}. */
  private interface IndexRows {
    /** Runs the rows; returns the flat index position of the first invalid value, or -1. */
    int run(int from, int to);
  }

  /**
   * Runs {@code rows} over the outer rows of {@code split} in parallel; returns the first flat
   * position of an invalid index value any of them met, or {@link Integer#MAX_VALUE}.
   */
  private int firstBadIndex(AxisSplit split, int picked, IndexRows rows) {
    AtomicInteger firstBad = new AtomicInteger(Integer.MAX_VALUE);
    threads.parallelFor(
        split.outer(),
        Math.max(1, CpuBackend.ELEMENTWISE_GRAIN / Math.max(1, picked * split.inner())),
        (c, from, to) -> {
          int bad = rows.run(from, to);
          if (bad >= 0) {
            firstBad.accumulateAndGet(bad, Math::min);
          }
        });
    return firstBad.get();
  }
}
