package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.backend.ReductionPlan;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * Reductions over any set of axes (planned by {@link ReductionPlan} as outer × reduced × inner) and
 * argmax. Part of {@link CpuBackend}, which delegates these ops here.
 */
final class ReductionOps {
  private final CpuBackend backend;
  private final CpuThreads threads;

  ReductionOps(CpuBackend backend, CpuThreads threads) {
    this.backend = backend;
    this.threads = threads;
  }

  Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
    ReductionPlan plan = ReductionPlan.of(x.shape(), axes, keepDims);
    Shape outShape = plan.outShape();
    int outer = plan.outer();
    int count = plan.count();
    int inner = plan.inner();
    Object data = rows(x, plan);
    Object out = CpuBackend.allocate(x.dtype(), outShape.sizeAsInt());
    if (outer < 4 && count >= 4 * LongRowReduction.BLOCK && inner == 1) {
      // A few long rows (a full reduction): fixed blocks in parallel (whatever the thread count,
      // so that the result does not depend on it).
      for (int o = 0; o < outer; o++) {
        double value = LongRowReduction.reduce(threads, op, data, o * count, count);
        if (out instanceof float[] f) {
          f[o] = (float) value;
        } else {
          ((double[]) out)[o] = value;
        }
      }
    } else if (outer < threads.threads() && inner >= 2048) {
      // A few wide blocks (e.g. a sum over the batch axis): split the inner positions.
      threads.parallelFor(
          inner,
          Math.max(256, CpuBackend.ELEMENTWISE_GRAIN / Math.max(1, outer * count)),
          (c, from, to) -> reduceRange(op, data, count, inner, out, 0, outer, from, to));
    } else {
      int grain = Math.max(1, CpuBackend.ELEMENTWISE_GRAIN / Math.max(1, count * inner));
      threads.parallelFor(
          outer,
          grain,
          (c, from, to) -> reduceRange(op, data, count, inner, out, from, to, 0, inner));
    }
    return backend.wrapArray(out, outShape);
  }

  /** The elements of {@code x} in the plan's {@code [outer, count, inner]} layout. */
  private Object rows(Tensor x, ReductionPlan plan) {
    Object data = CpuStorage.array(x);
    if (plan.adjacent()) {
      return data;
    }
    Object moved = CpuBackend.allocate(x.dtype(), x.size());
    Permutation.permute(threads, data, x.shape().dims(), plan.order(), moved);
    return moved;
  }

  private static void reduceRange(
      ReduceOp op,
      Object x,
      int reduced,
      int inner,
      Object out,
      int from,
      int to,
      int innerFrom,
      int innerTo) {
    if (x instanceof float[] f) {
      Reductions.reduce(op, f, reduced, inner, (float[]) out, from, to, innerFrom, innerTo);
    } else {
      Reductions.reduce(
          op, (double[]) x, reduced, inner, (double[]) out, from, to, innerFrom, innerTo);
    }
  }

  Tensor argMax(Tensor x, int axis) {
    ReductionPlan plan = ReductionPlan.argMax(x.shape(), axis);
    int outer = plan.outer();
    int count = plan.count();
    int inner = plan.inner();
    double[] values = toDoubleArrayView(x);
    Object out = CpuBackend.allocate(x.dtype(), outer * inner);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * count * inner + i;
        int best = 0;
        double bestValue = values[base];
        for (int r = 1; r < count; r++) {
          double v = values[base + r * inner];
          if (v > bestValue || (Double.isNaN(v) && !Double.isNaN(bestValue))) {
            best = r;
            bestValue = v;
          }
        }
        if (out instanceof float[] f) {
          f[o * inner + i] = best;
        } else {
          ((double[]) out)[o * inner + i] = best;
        }
      }
    }
    return backend.wrapArray(out, plan.outShape());
  }

  /** The elements as doubles, without a copy for float64 tensors (read only). */
  private double[] toDoubleArrayView(Tensor x) {
    Object data = CpuStorage.array(x);
    return data instanceof double[] d ? d : backend.toDoubleArray(x);
  }
}
