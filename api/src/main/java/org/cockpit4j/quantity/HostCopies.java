package org.cockpit4j.quantity;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.IntStream;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Storage;
import org.cockpit4j.tensor.Tensor;

/**
 * Host copies of parameter values, made once per buffer: tensors are immutable in value and
 * optimizers replace values rather than modify them, so a copy stays valid as long as its buffer
 * lives. Kept weakly by the buffer ({@link Storage}), so a copy goes when the last view of its
 * values goes. At a tracked step the current values are copied once and serve every comparison
 * (Distance against θ_0, UpdateSize against θ_{k−1}, whose copies were made at their own steps).
 */
final class HostCopies {
  private static final int CHUNK = 1 << 15;
  private static final Map<Storage, Object> COPIES = new WeakHashMap<>();

  private HostCopies() {}

  /** The values of {@code tensor}: a {@code float[]} for float32, a {@code double[]} otherwise. */
  private static Object copy(Tensor tensor) {
    Storage storage = tensor.storage();
    synchronized (COPIES) {
      Object copy = COPIES.get(storage);
      if (copy == null || storage.isFreed()) {
        copy = tensor.dtype() == DType.FLOAT32 ? tensor.toFloatArray() : tensor.toDoubleArray();
        COPIES.put(storage, copy);
      }
      return copy;
    }
  }

  /**
   * {@code ‖a − b‖²}, each difference rounded to the tensors' dtype (as the backend's subtraction
   * does) and squared and summed in float64.
   */
  static double squaredDistance(Tensor a, Tensor b) {
    if (a.size() != b.size() || a.dtype() != b.dtype()) {
      throw new IllegalArgumentException(
          "Cannot compare values "
              + a.shape()
              + " "
              + a.dtype()
              + " and "
              + b.shape()
              + " "
              + b.dtype());
    }
    Object left = copy(a);
    Object right = copy(b);
    int length = a.size();
    int chunks = (length + CHUNK - 1) / CHUNK;
    double[] partial = new double[chunks];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              int from = chunk * CHUNK;
              int to = Math.min(length, from + CHUNK);
              partial[chunk] =
                  left instanceof float[] x
                      ? squaredDistance(x, (float[]) right, from, to)
                      : squaredDistance((double[]) left, (double[]) right, from, to);
            });
    double total = 0;
    for (double part : partial) {
      total += part;
    }
    return total;
  }

  private static double squaredDistance(float[] a, float[] b, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = from;
    for (; k + 3 < to; k += 4) {
      double d0 = a[k] - b[k];
      double d1 = a[k + 1] - b[k + 1];
      double d2 = a[k + 2] - b[k + 2];
      double d3 = a[k + 3] - b[k + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; k < to; k++) {
      double d = a[k] - b[k];
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static double squaredDistance(double[] a, double[] b, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = from;
    for (; k + 3 < to; k += 4) {
      double d0 = a[k] - b[k];
      double d1 = a[k + 1] - b[k + 1];
      double d2 = a[k + 2] - b[k + 2];
      double d3 = a[k + 3] - b[k + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; k < to; k++) {
      double d = a[k] - b[k];
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }
}
