package org.cockpit4j.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * A tensor object of a reference file ({@code {"shape": [...], "dtype": ..., "data": [...]}}): the
 * shape and the elements flattened in row-major order, as doubles (int64 counts are exact up to
 * 2^53). Equality compares shapes and elements ({@code NaN} equals {@code NaN}).
 *
 * @param shape the extents ({@code []} for a scalar)
 * @param data {@code shape.size()} elements, row-major
 */
public record TensorData(Shape shape, double[] data) {

  /** Checks that the data fill the shape exactly and copies the array. */
  public TensorData {
    if (data.length != shape.size()) {
      throw new IllegalArgumentException(
          "Tensor data has "
              + data.length
              + " elements but shape "
              + shape
              + " needs "
              + shape.size());
    }
    data = data.clone();
  }

  /** A tensor of {@code shape} holding {@code values}. */
  public static TensorData of(Shape shape, double... values) {
    return new TensorData(shape, values);
  }

  /** A scalar (shape {@code []}). */
  public static TensorData scalar(double value) {
    return new TensorData(Shape.scalar(), new double[] {value});
  }

  /** The values of a backend tensor, copied to the host. */
  public static TensorData of(Tensor tensor) {
    return new TensorData(tensor.shape(), tensor.toDoubleArray());
  }

  /**
   * Parses a tensor object. {@code dtype} may be absent, {@code "float64"} or {@code "int64"};
   * elements may be the strings "NaN", "Infinity", "-Infinity".
   *
   * @param jsonPath where the node sits, for error messages
   * @throws ReferenceFormatException naming the path when the node is not a valid tensor object
   */
  public static TensorData fromJson(JsonNode node, String jsonPath) {
    return parse(new JsonCursor(node, null, jsonPath));
  }

  static TensorData parse(JsonCursor cursor) {
    cursor.requireObject();
    JsonCursor dtype = cursor.optionalField("dtype");
    if (dtype != null) {
      String name = dtype.asString();
      if (!name.equals("float64") && !name.equals("int64")) {
        throw dtype.error("\"float64\" or \"int64\"");
      }
    }
    JsonCursor shapeCursor = cursor.field("shape");
    int[] dims = shapeCursor.asIntArray();
    for (int d : dims) {
      if (d < 0) {
        throw shapeCursor.error("non-negative extents");
      }
    }
    Shape shape = Shape.of(dims);
    JsonCursor dataCursor = cursor.field("data");
    double[] values = dataCursor.asDoubleArray();
    if (values.length != shape.size()) {
      throw dataCursor.problem(
          "expected prod(shape "
              + shape
              + ") = "
              + shape.size()
              + " numbers, found "
              + values.length);
    }
    return new TensorData(shape, values);
  }

  /** The elements, row-major (a copy). */
  @Override
  public double[] data() {
    return data.clone();
  }

  /** Number of elements. */
  public int numel() {
    return data.length;
  }

  /** Element {@code flatIndex} in row-major order. */
  public double get(int flatIndex) {
    return data[flatIndex];
  }

  /** The element at a multi-index. */
  public double at(int... index) {
    if (index.length != shape.rank()) {
      throw new IllegalArgumentException(
          "Index " + Arrays.toString(index) + " does not match shape " + shape);
    }
    int[] strides = shape.strides();
    int flat = 0;
    for (int axis = 0; axis < index.length; axis++) {
      if (index[axis] < 0 || index[axis] >= shape.dim(axis)) {
        throw new IndexOutOfBoundsException(
            "Index " + Arrays.toString(index) + " is out of range for shape " + shape);
      }
      flat += index[axis] * strides[axis];
    }
    return data[flat];
  }

  /** The single value of a one-element tensor. */
  public double item() {
    if (data.length != 1) {
      throw new IllegalArgumentException("item() needs one element, shape is " + shape);
    }
    return data[0];
  }

  /** A tensor on {@code backend} holding these values in {@code dtype}. */
  public Tensor toTensor(Backend backend, DType dtype) {
    return backend.fromArray(data, shape, dtype);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TensorData tensor
        && shape.equals(tensor.shape)
        && Arrays.equals(data, tensor.data);
  }

  @Override
  public int hashCode() {
    return 31 * shape.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    String values =
        data.length <= 6
            ? Arrays.toString(data)
            : Arrays.toString(Arrays.copyOf(data, 6)).replace("]", ", ...]");
    return "TensorData" + shape + " " + values;
  }
}
