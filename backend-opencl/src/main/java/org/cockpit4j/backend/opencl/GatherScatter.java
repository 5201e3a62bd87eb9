package org.cockpit4j.backend.opencl;

import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_mem;

/**
 * Gather and scatter-add along one axis (kernels in gather_scatter.cl). The kernels check every
 * index and report the first bad position, which is read back (one wait per call) and turned into
 * an {@link IllegalArgumentException} naming the value.
 */
final class GatherScatter {
  private GatherScatter() {}

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

  static Tensor gather(OpenClBackend backend, Tensor x, int axis, Tensor index) {
    int a = x.shape().normalizeAxis(axis);
    checkIndexShape("gather", index.shape(), x.shape(), a);
    int count = x.dim(a);
    int picked = index.dim(a);
    int outer = 1;
    for (int i = 0; i < a; i++) {
      outer *= x.dim(i);
    }
    int inner = x.shape().sizeFrom(a + 1);
    Tensor out = backend.allocate(index.shape(), x.dtype());
    int n = index.size();
    if (n == 0) {
      return out;
    }
    cl_mem indices = indicesIn(backend, index, x.dtype());
    KernelLaunch launch =
        backend
            .launch(KernelFamily.GATHER_SCATTER, x.dtype(), "gather")
            .tensor(x)
            .buffer(indices)
            .tensor(out)
            .integer(outer)
            .integer(count)
            .integer(picked)
            .integer(inner);
    int bad = backend.context().runChecked(launch, n);
    release(index, indices);
    if (bad != Integer.MAX_VALUE) {
      out.close();
      throw badIndex(backend, index, bad, count, "gather along axis " + axis + " of " + x.shape());
    }
    return out;
  }

  static Tensor scatterAdd(
      OpenClBackend backend, Tensor index, Tensor source, int axis, Shape shape) {
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
    Tensor out = backend.full(shape, source.dtype(), 0.0);
    if (index.size() == 0 || outer * inner == 0) {
      return out;
    }
    cl_mem indices = indicesIn(backend, index, source.dtype());
    KernelLaunch launch =
        backend
            .launch(KernelFamily.GATHER_SCATTER, source.dtype(), "scatter_add")
            .buffer(indices)
            .tensor(source)
            .tensor(out)
            .integer(outer)
            .integer(count)
            .integer(picked)
            .integer(inner);
    int bad = backend.context().runChecked(launch, outer * inner);
    release(index, indices);
    if (bad != Integer.MAX_VALUE) {
      out.close();
      throw badIndex(
          backend, index, bad, count, "scatterAdd along axis " + axis + " into " + shape);
    }
    return out;
  }

  /** The index buffer in the data's dtype (a temporary converted copy when they differ). */
  private static cl_mem indicesIn(OpenClBackend backend, Tensor index, DType dtype) {
    if (index.dtype() == dtype) {
      return OpenClStorage.of(index);
    }
    cl_mem converted = backend.allocate(index.size(), dtype);
    backend
        .launch(
            KernelFamily.ELEMENTWISE,
            DType.FLOAT64,
            dtype == DType.FLOAT32 ? "cast_to_float" : "cast_from_float")
        .tensor(index)
        .buffer(converted)
        .integer(index.size())
        .run1d(index.size());
    return converted;
  }

  private static void release(Tensor index, cl_mem indices) {
    if (indices != OpenClStorage.of(index)) {
      CL.clReleaseMemObject(indices);
    }
  }

  private static IllegalArgumentException badIndex(
      OpenClBackend backend, Tensor index, int position, int bound, String what) {
    double value;
    if (index.dtype() == DType.FLOAT32) {
      float[] one = new float[1];
      CL.clEnqueueReadBuffer(
          backend.context().queue(),
          OpenClStorage.of(index),
          true,
          (long) position * 4,
          4,
          Pointer.to(one),
          0,
          null,
          null);
      value = one[0];
    } else {
      double[] one = new double[1];
      CL.clEnqueueReadBuffer(
          backend.context().queue(),
          OpenClStorage.of(index),
          true,
          (long) position * 8,
          8,
          Pointer.to(one),
          0,
          null,
          null);
      value = one[0];
    }
    return new IllegalArgumentException(
        what
            + ": index value "
            + value
            + " at flat position "
            + position
            + " of index shape "
            + index.shape()
            + " is not an integer in [0, "
            + bound
            + ")");
  }
}
