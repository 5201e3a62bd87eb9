package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.AxisSplit;
import org.cockpit4j.backend.IndexChecks;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_mem;

/**
 * Gather and scatter-add along one axis (kernels in gather_scatter.cl). The kernels check every
 * index and report the first bad position, which is read back (one wait per call) and turned into
 * the {@link IndexChecks} error naming the value.
 */
final class GatherScatter {
  private GatherScatter() {}

  static Tensor gather(OpenClBackend backend, Tensor x, int axis, Tensor index) {
    AxisSplit split = IndexChecks.gather(x.shape(), axis, index.shape());
    int outer = split.outer();
    int count = split.extent();
    int picked = index.dim(split.axis());
    int inner = split.inner();
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
      throw IndexChecks.badGatherIndex(
          x.shape(), axis, index.shape(), bad, indexValue(backend, index, bad));
    }
    return out;
  }

  static Tensor scatterAdd(
      OpenClBackend backend, Tensor index, Tensor source, int axis, Shape shape) {
    AxisSplit split = IndexChecks.scatterAdd(index.shape(), source.shape(), axis, shape);
    int outer = split.outer();
    int count = split.extent();
    int picked = index.dim(split.axis());
    int inner = split.inner();
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
      throw IndexChecks.badScatterAddIndex(
          shape, axis, index.shape(), bad, indexValue(backend, index, bad));
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

  /** Reads the value at flat {@code position} of {@code index} back from the device. */
  private static double indexValue(OpenClBackend backend, Tensor index, int position) {
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
    return value;
  }
}
