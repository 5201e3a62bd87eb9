package org.cockpit4j.derivatives;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/** Small constant matrices built on the host: the identity and the inclusive upper triangle. */
public final class IdentityMatrix {
  private IdentityMatrix() {}

  /** The identity {@code [size, size]}. */
  public static Tensor of(Backend backend, int size, DType dtype) {
    double[] values = new double[size * size];
    for (int i = 0; i < size; i++) {
      values[i * size + i] = 1.0;
    }
    return backend.fromArray(values, Shape.of(size, size), dtype);
  }

  /**
   * {@code U [size, size]} with {@code U[i][j] = 1} for {@code i ≤ j}, else 0: {@code p U} is the
   * running (cumulative) sum of a row vector {@code p}.
   */
  public static Tensor upperTriangleOfOnes(Backend backend, int size, DType dtype) {
    double[] values = new double[size * size];
    for (int i = 0; i < size; i++) {
      for (int j = i; j < size; j++) {
        values[i * size + j] = 1.0;
      }
    }
    return backend.fromArray(values, Shape.of(size, size), dtype);
  }
}
