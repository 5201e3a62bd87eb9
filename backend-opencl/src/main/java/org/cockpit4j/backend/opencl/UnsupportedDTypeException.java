package org.cockpit4j.backend.opencl;

import org.cockpit4j.tensor.DType;

/**
 * A tensor of a dtype the device cannot hold was requested (float64 on a device without {@code
 * cl_khr_fp64}). Check {@code Backend.supports(DType)} first, or use float32.
 */
public final class UnsupportedDTypeException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  /** The dtype that was asked for. */
  private final DType dtype;

  UnsupportedDTypeException(DType dtype, String device) {
    super(
        dtype
            + " tensors are not supported by OpenCL device "
            + device
            + " (it lacks cl_khr_fp64); use float32, or the cpu backend for float64");
    this.dtype = dtype;
  }

  /** The unsupported dtype. */
  public DType dtype() {
    return dtype;
  }
}
