package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

class AxisSplitTest {

  @Test
  void splitsAroundTheAxisCountingNegativeAxesFromTheEnd() {
    Shape shape = Shape.of(2, 3, 4, 5);
    assertEquals(new AxisSplit(shape, 2, 6, 4, 5), AxisSplit.of(shape, -2));
    assertEquals(new AxisSplit(shape, 0, 1, 2, 60), AxisSplit.of(shape, 0));
    assertEquals(new AxisSplit(shape, 3, 24, 5, 1), AxisSplit.of(shape, 3));
  }

  @Test
  void everyElementSitsWhereTheSplitSays() {
    Shape shape = Shape.of(2, 3, 4);
    for (int axis = 0; axis < 3; axis++) {
      AxisSplit split = AxisSplit.of(shape, axis);
      assertEquals(shape.size(), (long) split.outer() * split.extent() * split.inner());
      int[] strides = shape.strides();
      for (int a = 0; a < 2; a++) {
        for (int b = 0; b < 3; b++) {
          for (int c = 0; c < 4; c++) {
            int[] index = {a, b, c};
            int flat = a * strides[0] + b * strides[1] + c * strides[2];
            int e = index[axis];
            int o = flat / (split.extent() * split.inner());
            int i = flat % split.inner();
            assertEquals(flat, (o * split.extent() + e) * split.inner() + i);
          }
        }
      }
    }
  }

  @Test
  void withExtentReplacesOnlyThatAxis() {
    assertEquals(Shape.of(2, 7, 4), AxisSplit.of(Shape.of(2, 3, 4), 1).withExtent(7));
  }

  @Test
  void anAxisOutOfRangeFailsNamingTheShape() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AxisSplit.of(Shape.of(2, 3), 2));
    assertEquals("Axis 2 is out of range for shape [2, 3]", e.getMessage());
  }
}
