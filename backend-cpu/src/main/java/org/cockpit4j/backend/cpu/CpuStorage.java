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
  /** The float[] or double[]; null until computed for a deferred storage, and once freed. */
  private volatile Object data;

  private final boolean recyclable;

  /** How to compute the data of an unfolded input (null for ordinary storages). */
  private Unfolding unfolding;

  private CpuStorage(Object data, boolean recyclable, Unfolding unfolding) {
    this.data = data;
    this.recyclable = recyclable;
    this.unfolding = unfolding;
  }

  /** Wraps a float array (taken over, not copied; never recycled). */
  public static CpuStorage ofFloats(float[] data) {
    return new CpuStorage(data, false, null);
  }

  /** Wraps a double array (taken over, not copied; never recycled). */
  public static CpuStorage ofDoubles(double[] data) {
    return new CpuStorage(data, false, null);
  }

  /**
   * Wraps an array that only the backend knows (a float[] or double[]); it returns to the {@link
   * ArrayPool} when the storage is freed.
   */
  static CpuStorage owned(Object data) {
    return new CpuStorage(data, true, null);
  }

  /**
   * A storage for the unfolded input {@code unfolding} describes, computed the first time anybody
   * reads its array; the unfolding is released with the storage.
   */
  static CpuStorage unfolded(Unfolding unfolding) {
    return new CpuStorage(null, true, unfolding);
  }

  /** The float array behind a float32 CPU tensor. */
  public static float[] floats(Tensor tensor) {
    if (!(of(tensor).data() instanceof float[] floats)) {
      throw new IllegalArgumentException(
          "Expected a float32 CPU tensor, got " + tensor.dtype() + " " + tensor.shape());
    }
    return floats;
  }

  /** The double array behind a float64 CPU tensor. */
  public static double[] doubles(Tensor tensor) {
    if (!(of(tensor).data() instanceof double[] doubles)) {
      throw new IllegalArgumentException(
          "Expected a float64 CPU tensor, got " + tensor.dtype() + " " + tensor.shape());
    }
    return doubles;
  }

  /** The array behind a CPU tensor: a {@code float[]} or a {@code double[]}. */
  public static Object array(Tensor tensor) {
    return of(tensor).data();
  }

  /**
   * The recipe of a tensor made by the backend's {@code im2col}, whether or not its array has been
   * computed yet; null for any other tensor.
   */
  static Unfolding unfolding(Tensor tensor) {
    return tensor.storage() instanceof CpuStorage storage && !storage.isFreed()
        ? storage.unfolding
        : null;
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

  /** The array, computed first if this storage is deferred. */
  Object data() {
    Object current = data;
    return current != null ? current : compute();
  }

  private synchronized Object compute() {
    if (data == null && unfolding != null) {
      data = unfolding.compute();
    }
    return data;
  }

  @Override
  protected synchronized void free() {
    if (recyclable && data != null) {
      ArrayPool.recycle(data);
    }
    data = null;
    if (unfolding != null) {
      unfolding.release();
      unfolding = null;
    }
  }
}
