package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Storage;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MovementChecksTest {

  /** A tensor of {@code dims} without data or backend: the checks read shapes only. */
  private static Tensor tensor(int... dims) {
    Storage none =
        new Storage() {
          @Override
          protected void free() {}
        };
    return Tensor.wrap(null, none, Shape.of(dims), DType.FLOAT32);
  }

  @Test
  void permutationNormalisesNegativeAxes() {
    Shape shape = Shape.of(2, 3, 4);
    int[] order = MovementChecks.permutation(shape, new int[] {-1, 0, 1});
    assertArrayEquals(new int[] {2, 0, 1}, order);
    assertEquals(Shape.of(4, 2, 3), MovementChecks.permuted(shape, order));
  }

  @Test
  void permutationFailsOnAWrongCountOrARepeatedAxis() {
    Shape shape = Shape.of(2, 3, 4);
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class,
            () -> MovementChecks.permutation(shape, new int[] {1, 0}));
    assertEquals("permute of shape [2, 3, 4] needs 3 axes, got [1, 0]", count.getMessage());
    IllegalArgumentException repeat =
        assertThrows(
            IllegalArgumentException.class,
            () -> MovementChecks.permutation(shape, new int[] {0, 2, -1}));
    assertEquals("permute axes [0, 2, -1] repeat axis -1", repeat.getMessage());
  }

  @Test
  void sliceSplitsTheInputAndChecksTheRange() {
    AxisSplit split = MovementChecks.slice(Shape.of(2, 5, 3), -2, 1, 4);
    assertEquals(new AxisSplit(Shape.of(2, 5, 3), 1, 2, 5, 3), split);
    assertEquals(Shape.of(2, 3, 3), split.withExtent(3));
    MovementChecks.slice(Shape.of(2, 5, 3), 1, 5, 5); // empty at the end is fine
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> MovementChecks.slice(Shape.of(2, 5), 1, 3, 6));
    assertEquals(
        "slice [3, 6) is out of range for axis 1 of shape [2, 5]; need 0 <= start <= end <= 5",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> MovementChecks.slice(Shape.of(2, 5), 1, -1, 2));
    assertThrows(
        IllegalArgumentException.class, () -> MovementChecks.slice(Shape.of(2, 5), 1, 3, 2));
  }

  @Test
  void concatSumsTheAxisAndChecksTheOthers() {
    AxisSplit split =
        MovementChecks.concat(List.of(tensor(2, 1, 3), tensor(2, 4, 3), tensor(2, 0, 3)), -2);
    assertEquals(new AxisSplit(Shape.of(2, 5, 3), 1, 2, 5, 3), split);
    IllegalArgumentException other =
        assertThrows(
            IllegalArgumentException.class,
            () -> MovementChecks.concat(List.of(tensor(2, 3), tensor(3, 3)), 1));
    assertEquals(
        "concat along axis 1 needs equal extents on every other axis, got [2, 3] and [3, 3]",
        other.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> MovementChecks.concat(List.of(tensor(2, 3), tensor(2, 3, 1)), 1));
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> MovementChecks.concat(List.of(), 0));
    assertEquals("concat needs at least one tensor", none.getMessage());
  }
}
