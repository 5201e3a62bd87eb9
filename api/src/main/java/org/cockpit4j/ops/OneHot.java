package org.cockpit4j.ops;

import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * One-hot encoding of class indices: {@code out[..., c] = 1 if indices[...] == c else 0}, computed
 * as an elementwise comparison of the indices with {@code [0, 1, ..., classes-1]}.
 */
public final class OneHot {
  private OneHot() {}

  /**
   * One-hot rows for {@code indices} (integer values in any dtype, any shape {@code S}); result
   * shape {@code S + [classes]} in the indices' dtype. Indices outside {@code [0, classes)} give a
   * zero row.
   */
  public static Tensor encode(Tensor indices, int classes) {
    if (classes <= 0) {
      throw new IllegalArgumentException(
          "one-hot needs a positive number of classes, got " + classes);
    }
    int[] dims = indices.shape().dims();
    int[] columnDims = new int[dims.length + 1];
    System.arraycopy(dims, 0, columnDims, 0, dims.length);
    columnDims[dims.length] = 1;
    int[] rowDims = new int[dims.length + 1];
    java.util.Arrays.fill(rowDims, 1);
    rowDims[dims.length] = classes;
    try (TensorScope scope = TensorScope.open()) {
      Tensor classIndices = Range.of(indices.backend(), classes, indices.dtype());
      Tensor result =
          indices
              .backend()
              .binary(
                  BinaryOp.EQUAL,
                  indices.reshape(new Shape(columnDims)),
                  classIndices.reshape(new Shape(rowDims)));
      return scope.keep(result);
    }
  }
}
