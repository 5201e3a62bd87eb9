package org.cockpit4j.backend.cpu;

import java.util.Arrays;
import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * Reductions over any set of axes (planned as outer × reduced × inner) and argmax. Part of {@link
 * CpuBackend}, which delegates these ops here.
 */
final class ReductionOps {
  private final CpuBackend backend;
  private final CpuThreads threads;

  ReductionOps(CpuBackend backend, CpuThreads threads) {
    this.backend = backend;
    this.threads = threads;
  }

  Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
    Shape shape = x.shape();
    int rank = shape.rank();
    int[] dims = shape.dims();
    boolean[] reduced = new boolean[rank];
    for (int axis : axes) {
      int normalized = shape.normalizeAxis(axis);
      if (reduced[normalized]) {
        throw new IllegalArgumentException(
            "Axis " + axis + " appears twice in " + Arrays.toString(axes) + " for shape " + shape);
      }
      reduced[normalized] = true;
    }
    int[] outDims;
    if (keepDims) {
      outDims = dims.clone();
      for (int i = 0; i < rank; i++) {
        if (reduced[i]) {
          outDims[i] = 1;
        }
      }
    } else {
      outDims = new int[rank - axes.length];
      int j = 0;
      for (int i = 0; i < rank; i++) {
        if (!reduced[i]) {
          outDims[j++] = dims[i];
        }
      }
    }
    Shape outShape = new Shape(outDims);
    // Plan [outer, reduced, inner] when the reduced axes (ignoring extent-1 axes) are adjacent;
    // otherwise move them to the end first.
    int first = -1;
    int last = -1;
    boolean adjacent = true;
    for (int i = 0; i < rank; i++) {
      if (dims[i] == 1 || !reduced[i]) {
        continue;
      }
      if (first < 0) {
        first = i;
      } else {
        for (int k = last + 1; k < i; k++) {
          if (!reduced[k] && dims[k] != 1) {
            adjacent = false;
          }
        }
      }
      last = i;
    }
    Object data = CpuStorage.array(x);
    int outer;
    int count;
    int inner;
    if (first < 0) {
      outer = shape.sizeAsInt();
      count = 1;
      inner = 1;
    } else if (adjacent) {
      outer = 1;
      count = 1;
      inner = 1;
      for (int i = 0; i < rank; i++) {
        if (i < first) {
          outer *= dims[i];
        } else if (i <= last) {
          count *= dims[i];
        } else {
          inner *= dims[i];
        }
      }
    } else {
      int[] order = new int[rank];
      int j = 0;
      outer = 1;
      count = 1;
      for (int i = 0; i < rank; i++) {
        if (!reduced[i]) {
          order[j++] = i;
          outer *= dims[i];
        }
      }
      for (int i = 0; i < rank; i++) {
        if (reduced[i]) {
          order[j++] = i;
          count *= dims[i];
        }
      }
      inner = 1;
      Object moved = CpuBackend.allocate(x.dtype(), shape.sizeAsInt());
      Permutation.permute(threads, data, dims, order, moved);
      data = moved;
    }
    Object out = CpuBackend.allocate(x.dtype(), outShape.sizeAsInt());
    int reducedCount = count;
    int outerCount = outer;
    int innerCount = inner;
    Object source = data;
    if (outer < 4 && count >= 4 * LongRowReduction.BLOCK && inner == 1) {
      // A few long rows (a full reduction): fixed blocks in parallel (whatever the thread count,
      // so that the result does not depend on it).
      for (int o = 0; o < outer; o++) {
        double value = LongRowReduction.reduce(threads, op, source, o * count, count);
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
          (c, from, to) ->
              reduceRange(op, source, reducedCount, innerCount, out, 0, outerCount, from, to));
    } else {
      int grain = Math.max(1, CpuBackend.ELEMENTWISE_GRAIN / Math.max(1, count * inner));
      threads.parallelFor(
          outer,
          grain,
          (c, from, to) ->
              reduceRange(op, source, reducedCount, innerCount, out, from, to, 0, innerCount));
    }
    return backend.wrapArray(out, outShape);
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
    Shape shape = x.shape();
    int a = shape.normalizeAxis(axis);
    int[] dims = shape.dims();
    int count = dims[a];
    if (count == 0) {
      throw new IllegalArgumentException(
          "argMax over axis " + axis + " of shape " + shape + " which is empty");
    }
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= dims[i];
    }
    int inner = shape.sizeFrom(a + 1);
    int[] outDims = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != a) {
        outDims[j++] = dims[i];
      }
    }
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
    return backend.wrapArray(out, new Shape(outDims));
  }

  /** The elements as doubles, without a copy for float64 tensors (read only). */
  private double[] toDoubleArrayView(Tensor x) {
    Object data = CpuStorage.array(x);
    return data instanceof double[] d ? d : backend.toDoubleArray(x);
  }
}
