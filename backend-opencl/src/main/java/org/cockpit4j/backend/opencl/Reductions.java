package org.cockpit4j.backend.opencl;

import java.util.Arrays;
import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.cl_mem;

/**
 * Reductions and arg-max (kernels in reduce.cl) on the layout {@code [outer, count, inner]}: when
 * the reduced axes are not adjacent they are first permuted to the end. Few long rows (e.g. a full
 * sum) are reduced in two passes over fixed chunks, so the result depends on the shape only.
 */
final class Reductions {
  /** Elements per chunk of the two-pass reduction. */
  static final int CHUNK = 4096;

  /** Outputs below which long rows are split into chunks. */
  static final int FEW_OUTPUTS = 64;

  private Reductions() {}

  static Tensor reduce(OpenClBackend backend, ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
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
    Tensor out = backend.allocate(new Shape(outDims), x.dtype());
    int outer = 1;
    int count = 1;
    for (int i = 0; i < rank; i++) {
      if (reduced[i]) {
        count *= dims[i];
      } else {
        outer *= dims[i];
      }
    }
    if (outer == 0) {
      return out;
    }
    if (count == 0) {
      double initial =
          op == ReduceOp.MAX
              ? Double.NEGATIVE_INFINITY
              : op == ReduceOp.MIN ? Double.POSITIVE_INFINITY : 0.0;
      Transfers.fill(backend, OpenClStorage.of(out), outer, x.dtype(), initial);
      return out;
    }
    // [outer, count, inner] directly when the reduced axes (ignoring extent-1 ones) are adjacent.
    int first = -1;
    int last = -1;
    boolean adjacent = true;
    for (int i = 0; i < rank; i++) {
      if (dims[i] == 1 || !reduced[i]) {
        continue;
      }
      if (first >= 0) {
        for (int k = last + 1; k < i; k++) {
          if (!reduced[k] && dims[k] != 1) {
            adjacent = false;
          }
        }
      } else {
        first = i;
      }
      last = i;
    }
    cl_mem source = OpenClStorage.of(x);
    cl_mem moved = null;
    int inner = 1;
    if (first >= 0 && adjacent) {
      outer = 1;
      for (int i = 0; i < rank; i++) {
        if (i < first) {
          outer *= dims[i];
        } else if (i > last) {
          inner *= dims[i];
        }
      }
    } else if (first >= 0) {
      int[] order = new int[rank];
      int j = 0;
      for (int i = 0; i < rank; i++) {
        if (!reduced[i]) {
          order[j++] = i;
        }
      }
      for (int i = 0; i < rank; i++) {
        if (reduced[i]) {
          order[j++] = i;
        }
      }
      moved = Movement.permuted(backend, x, order);
      source = moved;
    }
    run(backend, op, x.dtype(), source, OpenClStorage.of(out), outer, count, inner);
    if (moved != null) {
      CL.clReleaseMemObject(moved);
    }
    return out;
  }

  private static void run(
      OpenClBackend backend,
      ReduceOp op,
      DType dtype,
      cl_mem source,
      cl_mem out,
      int outer,
      int count,
      int inner) {
    int groups = outer * inner;
    if (groups >= FEW_OUTPUTS || count < 2 * CHUNK) {
      backend
          .launch(KernelFamily.REDUCE, dtype, "reduce_rows")
          .integer(OpCodes.of(op))
          .buffer(source)
          .buffer(out)
          .integer(outer)
          .integer(count)
          .integer(inner)
          .run1d(groups);
      return;
    }
    int chunks = (count + CHUNK - 1) / CHUNK;
    DType accumulator = backend.context().fp64() ? DType.FLOAT64 : DType.FLOAT32;
    cl_mem partial = backend.context().allocate((long) groups * chunks * accumulator.bytes());
    backend
        .launch(KernelFamily.REDUCE, dtype, "reduce_partial")
        .integer(OpCodes.of(op))
        .buffer(source)
        .buffer(partial)
        .integer(outer)
        .integer(count)
        .integer(inner)
        .integer(CHUNK)
        .integer(chunks)
        .run1d(groups * chunks);
    backend
        .launch(KernelFamily.REDUCE, dtype, "reduce_finish")
        .integer(OpCodes.of(op))
        .buffer(partial)
        .buffer(out)
        .integer(groups)
        .integer(chunks)
        .run1d(groups);
    CL.clReleaseMemObject(partial);
  }

  static Tensor argMax(OpenClBackend backend, Tensor x, int axis) {
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
    Tensor out = backend.allocate(new Shape(outDims), x.dtype());
    backend
        .launch(KernelFamily.REDUCE, x.dtype(), "argmax")
        .tensor(x)
        .tensor(out)
        .integer(outer)
        .integer(count)
        .integer(inner)
        .run1d(outer * inner);
    return out;
  }
}
