package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.tensor.Shape;

/** {@code tensor.tolist()}: row-major values as lists nested in the shape's axes. */
final class NestedLists {
  private NestedLists() {}

  static Object of(double[] values, Shape shape) {
    if (shape.rank() == 0) {
      return values[0];
    }
    return build(values, shape, 0, 0);
  }

  private static List<Object> build(double[] values, Shape shape, int axis, int offset) {
    int extent = shape.dim(axis);
    int stride = 1;
    for (int i = axis + 1; i < shape.rank(); i++) {
      stride *= shape.dim(i);
    }
    List<Object> list = new ArrayList<>(extent);
    for (int i = 0; i < extent; i++) {
      if (axis == shape.rank() - 1) {
        list.add(values[offset + i]);
      } else {
        list.add(build(values, shape, axis + 1, offset + i * stride));
      }
    }
    return list;
  }
}
