package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.backend.ReductionPlan;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.cl_mem;

/**
 * Reductions and arg-max (kernels in reduce.cl) on the layout {@code [outer, count, inner]} of a
 * {@link ReductionPlan}: when the reduced axes are not adjacent they are first permuted to the end.
 * Few long rows (e.g. a full sum) are reduced in two passes over fixed chunks, so the result
 * depends on the shape only.
 */
final class Reductions {
  /** Elements per chunk of the two-pass reduction. */
  static final int CHUNK = 4096;

  /** Outputs below which long rows are split into chunks. */
  static final int FEW_OUTPUTS = 64;

  private Reductions() {}

  static Tensor reduce(OpenClBackend backend, ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
    ReductionPlan plan = ReductionPlan.of(x.shape(), axes, keepDims);
    Tensor out = backend.allocate(plan.outShape(), x.dtype());
    if (plan.outputs() == 0) {
      return out;
    }
    if (plan.count() == 0) {
      double initial =
          op == ReduceOp.MAX
              ? Double.NEGATIVE_INFINITY
              : op == ReduceOp.MIN ? Double.POSITIVE_INFINITY : 0.0;
      Transfers.fill(backend, OpenClStorage.of(out), plan.outputs(), x.dtype(), initial);
      return out;
    }
    cl_mem moved = plan.adjacent() ? null : Movement.permuted(backend, x, plan.order());
    cl_mem source = moved == null ? OpenClStorage.of(x) : moved;
    run(
        backend,
        op,
        x.dtype(),
        source,
        OpenClStorage.of(out),
        plan.outer(),
        plan.count(),
        plan.inner());
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
    ReductionPlan plan = ReductionPlan.argMax(x.shape(), axis);
    Tensor out = backend.allocate(plan.outShape(), x.dtype());
    if (plan.outputs() == 0) {
      return out; // nothing to launch over (an empty buffer cannot be a kernel argument)
    }
    backend
        .launch(KernelFamily.REDUCE, x.dtype(), "argmax")
        .tensor(x)
        .tensor(out)
        .integer(plan.outer())
        .integer(plan.count())
        .integer(plan.inner())
        .run1d(plan.outputs());
    return out;
  }
}
