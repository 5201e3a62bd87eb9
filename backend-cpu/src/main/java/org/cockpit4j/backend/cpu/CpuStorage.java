package org.cockpit4j.backend.cpu;

import org.cockpit4j.tensor.Storage;
import org.cockpit4j.tensor.Tensor;

/**
 * A CPU buffer: a {@code float[]} for float32 tensors or a {@code double[]} for float64 ones. The
 * arrays are handed out without copying so that kernels work on them directly; callers must not
 * modify the array of a tensor that anybody else can see, nor use it after the tensor is closed:
 * the backend's own arrays go back to a pool for reuse when their storage is freed.
 */
public final class CpuStorage extends Storage {
  private float[] floats;
  private double[] doubles;
  private final boolean recyclable;

  private CpuStorage(float[] floats, double[] doubles, boolean recyclable) {
    this.floats = floats;
    this.doubles = doubles;
    this.recyclable = recyclable;
  }

  /** Wraps a float array (taken over, not copied; never recycled). */
  public static CpuStorage ofFloats(float[] data) {
    return new CpuStorage(data, null, false);
  }

  /** Wraps a double array (taken over, not copied; never recycled). */
  public static CpuStorage ofDoubles(double[] data) {
    return new CpuStorage(null, data, false);
  }

  /**
   * Wraps an array that only the backend knows (a float[] or double[]); it returns to the {@link
   * ArrayPool} when the storage is freed.
   */
  static CpuStorage owned(Object data) {
    return data instanceof float[] f
        ? new CpuStorage(f, null, true)
        : new CpuStorage(null, (double[]) data, true);
  }

  /** The float array behind a float32 CPU tensor. */
  public static float[] floats(Tensor tensor) {
    CpuStorage storage = of(tensor);
    if (storage.floats == null) {
      throw new IllegalArgumentException(
          "Expected a float32 CPU tensor, got " + tensor.dtype() + " " + tensor.shape());
    }
    return storage.floats;
  }

  /** The double array behind a float64 CPU tensor. */
  public static double[] doubles(Tensor tensor) {
    CpuStorage storage = of(tensor);
    if (storage.doubles == null) {
      throw new IllegalArgumentException(
          "Expected a float64 CPU tensor, got " + tensor.dtype() + " " + tensor.shape());
    }
    return storage.doubles;
  }

  /** The array behind a CPU tensor: a {@code float[]} or a {@code double[]}. */
  public static Object array(Tensor tensor) {
    CpuStorage storage = of(tensor);
    return storage.floats != null ? storage.floats : storage.doubles;
  }

  private static CpuStorage of(Tensor tensor) {
    if (!(tensor.storage() instanceof CpuStorage storage)) {
      throw new IllegalArgumentException(
          "Tensor "
              + tensor.shape()
              + " lives on backend '"
              + tensor.backend().name()
              + "', not on the CPU backend; copy it over with toDoubleArray/fromArray first");
    }
    if (storage.isFreed()) {
      throw new IllegalStateException("Tensor " + tensor.shape() + " uses a freed buffer");
    }
    return storage;
  }

  @Override
  protected void free() {
    if (recyclable) {
      ArrayPool.recycle(floats != null ? floats : doubles);
    }
    floats = null;
    doubles = null;
  }
}
