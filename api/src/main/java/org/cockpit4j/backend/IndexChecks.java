package org.cockpit4j.backend;

import org.cockpit4j.tensor.Shape;

/**
 * The argument checks of the indexed ops {@link Backend#gather} and {@link Backend#scatterAdd}, and
 * the error every backend throws for an index value that is not a valid position, so that all
 * backends fail alike with messages naming the shapes and the valid range.
 */
public final class IndexChecks {
  private IndexChecks() {}

  /**
   * The input of a {@code gather(x, axis, index)} split around the axis ({@code index}'s extent
   * there is the number picked per row); fails unless {@code index} has the rank of {@code x} and
   * its extents on every other axis.
   */
  public static AxisSplit gather(Shape x, int axis, Shape index) {
    AxisSplit split = AxisSplit.of(x, axis);
    checkIndexShape("gather", index, x, split.axis());
    return split;
  }

  /**
   * The result of a {@code scatterAdd(index, source, axis, shape)} split around the axis; fails
   * unless {@code index} and {@code source} have one shape, with the rank of {@code shape} and its
   * extents on every axis but {@code axis}.
   */
  public static AxisSplit scatterAdd(Shape index, Shape source, int axis, Shape shape) {
    if (!index.equals(source)) {
      throw new IllegalArgumentException(
          "scatterAdd needs index and source of one shape, got " + index + " and " + source);
    }
    AxisSplit split = AxisSplit.of(shape, axis);
    checkIndexShape("scatterAdd into " + shape, index, shape, split.axis());
    return split;
  }

  /**
   * The error for the index {@code value} at flat {@code position} of a gather's {@code index}: not
   * an integer position along {@code axis} of {@code x}.
   */
  public static IllegalArgumentException badGatherIndex(
      Shape x, int axis, Shape index, int position, double value) {
    return badIndex("gather along axis " + axis + " of " + x, value, position, index, x.dim(axis));
  }

  /**
   * The error for the index {@code value} at flat {@code position} of a scatter-add's {@code
   * index}: not an integer position along {@code axis} of the result {@code shape}.
   */
  public static IllegalArgumentException badScatterAddIndex(
      Shape shape, int axis, Shape index, int position, double value) {
    return badIndex(
        "scatterAdd along axis " + axis + " into " + shape,
        value,
        position,
        index,
        shape.dim(axis));
  }

  private static IllegalArgumentException badIndex(
      String what, double value, int position, Shape index, int bound) {
    return new IllegalArgumentException(
        what
            + ": index value "
            + value
            + " at flat position "
            + position
            + " of index shape "
            + index
            + " is not an integer in [0, "
            + bound
            + ")");
  }

  private static void checkIndexShape(String what, Shape index, Shape other, int axis) {
    boolean compatible = index.rank() == other.rank();
    for (int i = 0; compatible && i < index.rank(); i++) {
      compatible = i == axis || index.dim(i) == other.dim(i);
    }
    if (!compatible) {
      throw new IllegalArgumentException(
          what
              + ": index shape "
              + index
              + " must have the rank of "
              + other
              + " and its extents on every axis but "
              + axis);
    }
  }
}
