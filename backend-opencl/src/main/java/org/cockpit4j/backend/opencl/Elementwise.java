package org.cockpit4j.backend.opencl;

import java.util.Locale;
import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.backend.BroadcastPlan;
import org.cockpit4j.backend.OperandChecks;
import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.Tensor;

/**
 * Unary and broadcast binary ops (kernels in elementwise.cl, one per op, named after the enum
 * constant in lower case).
 */
final class Elementwise {
  /** Last-axis extent from which broadcasts run as rows (a 2-D launch with fewer divisions). */
  private static final int ROW_KERNEL_MIN_INNER = 64;

  private Elementwise() {}

  private static String lowerCase(Enum<?> op) {
    return op.name().toLowerCase(Locale.ROOT);
  }

  static Tensor unary(OpenClBackend backend, UnaryOp op, Tensor x, double p) {
    Tensor out = backend.allocate(x.shape(), x.dtype());
    int n = x.size();
    if (n > 0) {
      backend
          .launch(KernelFamily.ELEMENTWISE, x.dtype(), "unary_" + lowerCase(op))
          .tensor(x)
          .tensor(out)
          .real(p)
          .integer(n)
          .run1d(n);
    }
    return out;
  }

  static Tensor binary(OpenClBackend backend, BinaryOp op, Tensor a, Tensor b) {
    OperandChecks.sameDtype("binary " + op, a, b);
    BroadcastPlan plan = BroadcastPlan.of(a.shape(), b.shape());
    if (plan.dims().length > KernelLaunch.MAX_INDEX_AXES) {
      throw new IllegalArgumentException(
          "Broadcasting "
              + a.shape()
              + " with "
              + b.shape()
              + " needs "
              + plan.dims().length
              + " index axes; the OpenCL backend supports "
              + KernelLaunch.MAX_INDEX_AXES
              + " (reshape to merge axes)");
    }
    Tensor out = backend.allocate(plan.outShape(), a.dtype());
    int n = plan.outShape().sizeAsInt();
    if (n == 0) {
      return out;
    }
    if (a.shape().equals(b.shape())) {
      backend
          .launch(KernelFamily.ELEMENTWISE, a.dtype(), "binary_same_" + lowerCase(op))
          .tensor(a)
          .tensor(b)
          .tensor(out)
          .integer(n)
          .run1d(n);
      return out;
    }
    int rank = plan.dims().length;
    int inner = rank == 0 ? 1 : plan.dims()[rank - 1];
    if (inner >= ROW_KERNEL_MIN_INNER) {
      long local = backend.context().localSize();
      backend
          .launch(KernelFamily.ELEMENTWISE, a.dtype(), "binary_rows_" + lowerCase(op))
          .tensor(a)
          .tensor(b)
          .tensor(out)
          .integer(inner)
          .integer(rank)
          .vector8(plan.dims())
          .vector8(plan.aStrides())
          .vector8(plan.bStrides())
          .integer(plan.aStrides()[rank - 1])
          .integer(plan.bStrides()[rank - 1])
          .run(new long[] {(inner + local - 1) / local * local, n / inner}, new long[] {local, 1});
      return out;
    }
    backend
        .launch(KernelFamily.ELEMENTWISE, a.dtype(), "binary_nd_" + lowerCase(op))
        .tensor(a)
        .tensor(b)
        .tensor(out)
        .integer(n)
        .integer(rank)
        .vector8(plan.dims())
        .vector8(plan.aStrides())
        .vector8(plan.bStrides())
        .run1d(n);
    return out;
  }
}
