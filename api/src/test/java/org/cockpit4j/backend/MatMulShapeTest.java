package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

class MatMulShapeTest {

  @Test
  void plainAndTransposedProducts() {
    assertEquals(
        new MatMulShape(0, false, false, 2, 4, 3, false, false, Shape.of(2, 4)),
        MatMulShape.of(Shape.of(2, 3), Shape.of(3, 4), false, false));
    MatMulShape transposed = MatMulShape.of(Shape.of(3, 2), Shape.of(4, 3), true, true);
    assertEquals(new MatMulShape(0, false, false, 2, 4, 3, true, true, Shape.of(2, 4)), transposed);
    assertEquals(1, transposed.products());
  }

  @Test
  void aStackAgainstASharedMatrixOrAnotherStack() {
    MatMulShape left = MatMulShape.of(Shape.of(5, 2, 3), Shape.of(3, 4), false, false);
    assertEquals(new MatMulShape(5, true, false, 2, 4, 3, false, false, Shape.of(5, 2, 4)), left);
    assertEquals(5, left.products());
    MatMulShape right = MatMulShape.of(Shape.of(2, 3), Shape.of(5, 4, 3), false, true);
    assertEquals(new MatMulShape(5, false, true, 2, 4, 3, false, true, Shape.of(5, 2, 4)), right);
    MatMulShape both = MatMulShape.of(Shape.of(5, 3, 2), Shape.of(5, 3, 4), true, false);
    assertEquals(new MatMulShape(5, true, true, 2, 4, 3, true, false, Shape.of(5, 2, 4)), both);
  }

  @Test
  void mismatchesFailNamingBothShapes() {
    assertEquals(
        "matmul needs operands of rank 2 or 3, got [3] and [3, 4]",
        assertThrows(
                IllegalArgumentException.class,
                () -> MatMulShape.of(Shape.of(3), Shape.of(3, 4), false, false))
            .getMessage());
    assertEquals(
        "matmul inner extents differ: [2, 3]ᵀ has 2 columns but [3, 4] has 3 rows",
        assertThrows(
                IllegalArgumentException.class,
                () -> MatMulShape.of(Shape.of(2, 3), Shape.of(3, 4), true, false))
            .getMessage());
    assertEquals(
        "matmul batch sizes differ: [5, 2, 3] and [4, 3, 4] (a rank-2 operand is broadcast)",
        assertThrows(
                IllegalArgumentException.class,
                () -> MatMulShape.of(Shape.of(5, 2, 3), Shape.of(4, 3, 4), false, false))
            .getMessage());
  }
}
