package org.cockpit4j.backend;

import java.util.Arrays;
import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * The argument checks and result shapes of the data-movement ops {@link Backend#permute}, {@link
 * Backend#slice} and {@link Backend#concat}, shared by every backend so that all fail alike, with
 * messages naming the shapes and what would be valid.
 */
public final class MovementChecks {
  private MovementChecks() {}

  /**
   * The axes of a {@code permute} of {@code shape}, normalised to {@code [0, rank)}; fails unless
   * they name every axis exactly once.
   */
  public static int[] permutation(Shape shape, int[] axes) {
    int rank = shape.rank();
    if (axes.length != rank) {
      throw new IllegalArgumentException(
          "permute of shape " + shape + " needs " + rank + " axes, got " + Arrays.toString(axes));
    }
    int[] normalized = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      int axis = shape.normalizeAxis(axes[i]);
      if (seen[axis]) {
        throw new IllegalArgumentException(
            "permute axes " + Arrays.toString(axes) + " repeat axis " + axes[i]);
      }
      seen[axis] = true;
      normalized[i] = axis;
    }
    return normalized;
  }

  /** The shape with its axes reordered: axis {@code i} of the result is {@code order[i]}. */
  public static Shape permuted(Shape shape, int[] order) {
    int[] outDims = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      outDims[i] = shape.dim(order[i]);
    }
    return new Shape(outDims);
  }

  /**
   * The input of a {@code slice(x, axis, start, end)} split around the axis; fails unless {@code 0
   * <= start <= end <= extent}. The result's shape is {@code split.withExtent(end - start)}.
   */
  public static AxisSplit slice(Shape shape, int axis, int start, int end) {
    AxisSplit split = AxisSplit.of(shape, axis);
    if (start < 0 || end < start || end > split.extent()) {
      throw new IllegalArgumentException(
          "slice ["
              + start
              + ", "
              + end
              + ") is out of range for axis "
              + axis
              + " of shape "
              + shape
              + "; need 0 <= start <= end <= "
              + split.extent());
    }
    return split;
  }

  /**
   * The result of a {@code concat} of {@code parts} along {@code axis}, split around that axis (its
   * extent is the sum of the parts'); fails when there are no parts or when two differ on another
   * axis. Dtypes are the caller's to check.
   */
  public static AxisSplit concat(List<Tensor> parts, int axis) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat needs at least one tensor");
    }
    Shape firstShape = parts.get(0).shape();
    int a = firstShape.normalizeAxis(axis);
    int total = 0;
    for (Tensor part : parts) {
      Shape shape = part.shape();
      boolean compatible = shape.rank() == firstShape.rank();
      for (int i = 0; compatible && i < shape.rank(); i++) {
        compatible = i == a || shape.dim(i) == firstShape.dim(i);
      }
      if (!compatible) {
        throw new IllegalArgumentException(
            "concat along axis "
                + axis
                + " needs equal extents on every other axis, got "
                + firstShape
                + " and "
                + shape);
      }
      total += shape.dim(a);
    }
    return AxisSplit.of(AxisSplit.of(firstShape, a).withExtent(total), a);
  }
}
