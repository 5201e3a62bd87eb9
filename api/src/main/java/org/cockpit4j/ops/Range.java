package org.cockpit4j.ops;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/** The vector {@code [0, 1, ..., count-1]} (like {@code torch.arange(count)}). */
public final class Range {
  private Range() {}

  /** A tensor of shape {@code [count]} holding {@code 0..count-1} in {@code dtype}. */
  public static Tensor of(Backend backend, int count, DType dtype) {
    if (count < 0) {
      throw new IllegalArgumentException("range needs a non-negative count, got " + count);
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = i;
    }
    return backend.fromArray(values, Shape.of(count), dtype);
  }
}
