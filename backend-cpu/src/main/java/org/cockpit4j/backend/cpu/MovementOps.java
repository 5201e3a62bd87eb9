package org.cockpit4j.backend.cpu;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cockpit4j.backend.AxisSplit;
import org.cockpit4j.backend.IndexChecks;
import org.cockpit4j.backend.MovementChecks;
import org.cockpit4j.backend.OperandChecks;
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
    AxisSplit split = MovementChecks.concat(parts, axis);
    Tensor first = parts.get(0);
    for (Tensor part : parts) {
      OperandChecks.sameDtype("concat", first, part);
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
    Object data = CpuStorage.array(x);
    Object idx = CpuStorage.array(index);
    Object out = CpuBackend.allocate(x.dtype(), index.size());
    int bad = runIndexKernel(false, split, index.dim(split.axis()), data, idx, out);
    if (bad != Integer.MAX_VALUE) {
      throw IndexChecks.badGatherIndex(
          x.shape(), axis, index.shape(), bad, IndexKernels.value(idx, bad));
    }
    return backend.wrapArray(out, index.shape());
  }

  Tensor scatterAdd(Tensor index, Tensor source, int axis, Shape shape) {
    AxisSplit split = IndexChecks.scatterAdd(index.shape(), source.shape(), axis, shape);
    Object data = CpuStorage.array(source);
    Object idx = CpuStorage.array(index);
    Object out =
        CpuBackend.allocate(source.dtype(), shape.sizeAsInt()); // rows zeroed by the kernel
    int bad = runIndexKernel(true, split, index.dim(split.axis()), data, idx, out);
    if (bad != Integer.MAX_VALUE) {
      throw IndexChecks.badScatterAddIndex(
          shape, axis, index.shape(), bad, IndexKernels.value(idx, bad));
    }
    return backend.wrapArray(out, shape);
  }

  /**
   * Runs the gather kernel (or with {@code scatter} the scatter-add kernel) over the outer rows of
   * {@code split} in parallel, {@code picked} index values per row and inner position; returns the
   * first flat position of an invalid index value any row met, or {@link Integer#MAX_VALUE}.
   */
  private int runIndexKernel(
      boolean scatter, AxisSplit split, int picked, Object data, Object idx, Object out) {
    int extent = split.extent();
    int inner = split.inner();
    AtomicInteger firstBad = new AtomicInteger(Integer.MAX_VALUE);
    threads.parallelFor(
        split.outer(),
        Math.max(1, CpuBackend.ELEMENTWISE_GRAIN / Math.max(1, picked * inner)),
        (c, from, to) -> {
          int bad;
          if (data instanceof float[] f) {
            float[] o = (float[]) out;
            bad =
                scatter
                    ? IndexKernels.scatterAdd(f, extent, inner, idx, picked, o, from, to)
                    : IndexKernels.gather(f, extent, inner, idx, picked, o, from, to);
          } else {
            double[] d = (double[]) data;
            double[] o = (double[]) out;
            bad =
                scatter
                    ? IndexKernels.scatterAdd(d, extent, inner, idx, picked, o, from, to)
                    : IndexKernels.gather(d, extent, inner, idx, picked, o, from, to);
          }
          if (bad >= 0) {
            firstBad.accumulateAndGet(bad, Math::min);
          }
        });
    return firstBad.get();
  }
}
