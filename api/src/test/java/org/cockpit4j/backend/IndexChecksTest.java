package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

class IndexChecksTest {

  @Test
  void gatherSplitsTheInputAndLetsTheIndexDifferOnlyAlongTheAxis() {
    AxisSplit split = IndexChecks.gather(Shape.of(2, 5, 3), -2, Shape.of(2, 7, 3));
    assertEquals(new AxisSplit(Shape.of(2, 5, 3), 1, 2, 5, 3), split);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IndexChecks.gather(Shape.of(2, 5, 3), 1, Shape.of(2, 5, 4)));
    assertEquals(
        "gather: index shape [2, 5, 4] must have the rank of [2, 5, 3] and its extents on every"
            + " axis but 1",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> IndexChecks.gather(Shape.of(2, 5, 3), 1, Shape.of(2, 5)));
  }

  @Test
  void scatterAddSplitsTheResultAndChecksIndexAndSource() {
    AxisSplit split = IndexChecks.scatterAdd(Shape.of(4, 1), Shape.of(4, 1), 1, Shape.of(4, 6));
    assertEquals(new AxisSplit(Shape.of(4, 6), 1, 4, 6, 1), split);
    IllegalArgumentException pair =
        assertThrows(
            IllegalArgumentException.class,
            () -> IndexChecks.scatterAdd(Shape.of(4, 1), Shape.of(4, 2), 1, Shape.of(4, 6)));
    assertEquals(
        "scatterAdd needs index and source of one shape, got [4, 1] and [4, 2]", pair.getMessage());
    IllegalArgumentException shape =
        assertThrows(
            IllegalArgumentException.class,
            () -> IndexChecks.scatterAdd(Shape.of(3, 1), Shape.of(3, 1), 1, Shape.of(4, 6)));
    assertEquals(
        "scatterAdd into [4, 6]: index shape [3, 1] must have the rank of [4, 6] and its extents"
            + " on every axis but 1",
        shape.getMessage());
  }

  @Test
  void badIndexErrorsNameTheValuePositionAndRange() {
    assertEquals(
        "gather along axis -1 of [2, 5]: index value 5.0 at flat position 3 of index shape [2, 2]"
            + " is not an integer in [0, 5)",
        IndexChecks.badGatherIndex(Shape.of(2, 5), -1, Shape.of(2, 2), 3, 5.0).getMessage());
    assertEquals(
        "scatterAdd along axis 0 into [4, 6]: index value 0.5 at flat position 0 of index shape"
            + " [1, 6] is not an integer in [0, 4)",
        IndexChecks.badScatterAddIndex(Shape.of(4, 6), 0, Shape.of(1, 6), 0, 0.5).getMessage());
  }
}
