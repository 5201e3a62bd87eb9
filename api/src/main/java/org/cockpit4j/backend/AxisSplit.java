package org.cockpit4j.backend;

import org.cockpit4j.tensor.Shape;

/**
 * A row-major shape seen as {@code [outer, extent, inner]} around one of its axes: element {@code
 * (o, e, i)} sits at flat position {@code (o * extent + e) * inner + i}. The layout every backend
 * uses for ops along one axis (slice, concat, gather, scatter-add).
 *
 * @param shape the whole shape
 * @param axis the axis, normalised to {@code [0, rank)}
 * @param outer product of the extents before {@code axis}
 * @param extent the extent of {@code axis}
 * @param inner product of the extents after {@code axis}
 */
public record AxisSplit(Shape shape, int axis, int outer, int extent, int inner) {

  /**
   * Splits {@code shape} around {@code axis} (negative axes count from the end); fails naming the
   * shape when the axis is out of range.
   */
  public static AxisSplit of(Shape shape, int axis) {
    int normalized = shape.normalizeAxis(axis);
    int outer = 1;
    for (int i = 0; i < normalized; i++) {
      outer *= shape.dim(i);
    }
    return new AxisSplit(
        shape, normalized, outer, shape.dim(normalized), shape.sizeFrom(normalized + 1));
  }

  /** The shape with the extent of {@link #axis} replaced by {@code newExtent}. */
  public Shape withExtent(int newExtent) {
    int[] dims = shape.dims();
    dims[axis] = newExtent;
    return new Shape(dims);
  }
}
