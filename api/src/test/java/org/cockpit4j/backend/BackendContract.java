package org.cockpit4j.backend;

import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/** What every part of the backend contract needs: the backend under test. */
public interface BackendContract {

  /** The backend under test; may be called many times per test and must return the same one. */
  Backend backend();

  /** {@code data} as a tensor of {@code dtype} with extents {@code dims} on the backend. */
  default Tensor tensor(double[] data, DType dtype, int... dims) {
    return backend().fromArray(data, Shape.of(dims), dtype);
  }
}
