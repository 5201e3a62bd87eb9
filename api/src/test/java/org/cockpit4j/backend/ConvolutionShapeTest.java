package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

class ConvolutionShapeTest {
  private static final ConvGeometry GEOMETRY = new ConvGeometry(3, 2, 2, 1, 1, 0, 1, 1);

  @Test
  void anImageGivesTheColumnsAndPooledShapes() {
    ConvolutionShape shape = ConvolutionShape.ofImage("im2col", Shape.of(2, 3, 7, 5), GEOMETRY);
    assertEquals(new ConvolutionShape(2, 3, 7, 5, 4, 4, 6), shape);
    assertEquals(6, shape.planes());
    assertEquals(16, shape.positions());
    assertEquals(Shape.of(2, 18, 16), shape.columnsShape());
    assertEquals(Shape.of(2, 3, 4, 4), shape.pooledShape());
    assertEquals(Shape.of(2, 3, 7, 5), shape.imageShape());
  }

  @Test
  void anImageMustHaveRankFour() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConvolutionShape.ofImage("maxPoolIndices", Shape.of(3, 7, 5), GEOMETRY));
    assertEquals(
        "maxPoolIndices needs an NCHW tensor of rank 4, got shape [3, 7, 5]", e.getMessage());
  }

  @Test
  void columnsFoldBackIntoTheImageTheyCameFrom() {
    ConvolutionShape image = ConvolutionShape.ofImage("im2col", Shape.of(2, 3, 7, 5), GEOMETRY);
    ConvolutionShape columns = ConvolutionShape.ofColumns(image.columnsShape(), GEOMETRY, 7, 5);
    assertEquals(image, columns);
  }

  @Test
  void columnsOfTheWrongShapeFailNamingTheExpectedOne() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConvolutionShape.ofColumns(Shape.of(2, 18, 15), GEOMETRY, 7, 5));
    assertEquals(
        "col2im needs columns [N, C*6, 16] for a 7x5 image and "
            + GEOMETRY
            + ", got shape [2, 18, 15]",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ConvolutionShape.ofColumns(Shape.of(2, 17, 16), GEOMETRY, 7, 5));
    assertThrows(
        IllegalArgumentException.class,
        () -> ConvolutionShape.ofColumns(Shape.of(36, 16), GEOMETRY, 7, 5));
  }
}
