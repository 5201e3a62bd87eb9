package org.cockpit4j.log;

import java.util.Arrays;
import org.cockpit4j.tensor.Shape;

/**
 * A numpy array in a Cockpit log: the values of histogram counts and edges. Written in the
 * original's layout as {@code {"__ndarray__": nested lists, "dtype": ..., "shape": [...]}} (plus
 * {@code "Corder": true} from two axes on), in the reference cases as a tensor object {@code
 * {"shape", "dtype", "data"}}.
 *
 * @param dtype {@code float64}, {@code float32} or {@code int64}
 * @param shape the extents
 * @param data the elements row-major (integers exact up to 2^53)
 */
public record NdArray(String dtype, int[] shape, double[] data) {
  /** numpy's name of double precision. */
  public static final String FLOAT64 = "float64";

  /** numpy's name of 64-bit integers. */
  public static final String INT64 = "int64";

  /** Validates and copies. */
  public NdArray {
    if (!dtype.equals(FLOAT64) && !dtype.equals(INT64) && !dtype.equals("float32")) {
      throw new IllegalArgumentException(
          "Unsupported ndarray dtype '" + dtype + "'; use float64, float32 or int64");
    }
    shape = shape.clone();
    long size = 1;
    for (int extent : shape) {
      if (extent < 0) {
        throw new IllegalArgumentException("Negative extent in shape " + Arrays.toString(shape));
      }
      size *= extent;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          "An ndarray of shape "
              + Arrays.toString(shape)
              + " needs "
              + size
              + " elements, got "
              + data.length);
    }
    data = data.clone();
  }

  /** A float64 vector. */
  public static NdArray float64(double... values) {
    return new NdArray(FLOAT64, new int[] {values.length}, values);
  }

  /** A float64 array of {@code shape}. */
  public static NdArray float64(int[] shape, double[] values) {
    return new NdArray(FLOAT64, shape, values);
  }

  /** An int64 array of {@code shape}. */
  public static NdArray int64(int[] shape, long[] values) {
    double[] data = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      data[i] = values[i];
    }
    return new NdArray(INT64, shape, data);
  }

  /** The extents (a copy). */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The elements row-major (a copy). */
  @Override
  public double[] data() {
    return data.clone();
  }

  /** The shape as a {@link Shape}. */
  public Shape toShape() {
    return Shape.of(shape);
  }

  /** Number of axes. */
  public int rank() {
    return shape.length;
  }

  /** Number of elements. */
  public int size() {
    return data.length;
  }

  /** Element {@code index} in row-major order. */
  public double get(int index) {
    return data[index];
  }

  /** Whether the values are integers ({@code int64}). */
  public boolean isInteger() {
    return dtype.equals(INT64);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NdArray that
        && dtype.equals(that.dtype)
        && Arrays.equals(shape, that.shape)
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return (dtype.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    String values =
        data.length <= 6
            ? Arrays.toString(data)
            : Arrays.toString(Arrays.copyOf(data, 6)).replace("]", ", ...]");
    return "NdArray" + Arrays.toString(shape) + " " + dtype + " " + values;
  }
}
