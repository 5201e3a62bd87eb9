package org.cockpit4j.tensor;

import java.util.Arrays;

/**
 * An immutable row-major tensor shape. The last axis varies fastest, as in PyTorch and NumPy.
 *
 * @param dims the extent of each axis; an empty array is a scalar
 */
public record Shape(int[] dims) {

  /** Validates and defensively copies the extents. */
  public Shape {
    dims = dims.clone();
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("Negative extent in shape " + Arrays.toString(dims));
      }
    }
  }

  /** Creates a shape from its extents. */
  public static Shape of(int... dims) {
    return new Shape(dims);
  }

  /** The scalar shape {@code []}. */
  public static Shape scalar() {
    return new Shape(new int[0]);
  }

  /** Number of axes. */
  public int rank() {
    return dims.length;
  }

  /** Extent of axis {@code axis}; negative axes count from the end. */
  public int dim(int axis) {
    return dims[normalizeAxis(axis)];
  }

  /** The extents, copied. */
  @Override
  public int[] dims() {
    return dims.clone();
  }

  /** Number of elements (1 for a scalar). */
  public long size() {
    long size = 1;
    for (int d : dims) {
      size *= d;
    }
    return size;
  }

  /** Number of elements as an int, failing clearly when a tensor is too big for one buffer. */
  public int sizeAsInt() {
    long size = size();
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Tensor of shape " + this + " has too many elements");
    }
    return (int) size;
  }

  /** Row-major strides in elements. */
  public int[] strides() {
    int[] strides = new int[dims.length];
    int stride = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= dims[i];
    }
    return strides;
  }

  /** Maps a negative axis to its positive index and checks the range. */
  public int normalizeAxis(int axis) {
    int normalized = axis < 0 ? axis + dims.length : axis;
    if (normalized < 0 || normalized >= dims.length) {
      throw new IllegalArgumentException("Axis " + axis + " is out of range for shape " + this);
    }
    return normalized;
  }

  /** A new shape with {@code leading} prepended. */
  public Shape prepend(int leading) {
    int[] result = new int[dims.length + 1];
    result[0] = leading;
    System.arraycopy(dims, 0, result, 1, dims.length);
    return new Shape(result);
  }

  /** The shape without its first axis. */
  public Shape dropFirst() {
    if (dims.length == 0) {
      throw new IllegalArgumentException("A scalar has no first axis to drop");
    }
    return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
  }

  /** Product of the extents from {@code fromAxis} to the end. */
  public int sizeFrom(int fromAxis) {
    int size = 1;
    for (int i = fromAxis; i < dims.length; i++) {
      size *= dims[i];
    }
    return size;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Shape shape && Arrays.equals(dims, shape.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
