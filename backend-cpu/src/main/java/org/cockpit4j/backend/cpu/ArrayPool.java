package org.cockpit4j.backend.cpu;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Recycles the large arrays of freed CPU tensors. A training step allocates the same sizes every
 * step; handing a freed array to the next request of its exact length saves the JVM's zeroing pass
 * over it and, above all, the garbage collections (large arrays go to the old generation, whose
 * collections stop everything for a long time).
 *
 * <p>Only arrays of at least {@link #MIN_LENGTH} elements are kept, at most {@link #PER_LENGTH} of
 * one length and a quarter of the heap in all; beyond that freed arrays are left to the garbage
 * collector. Pooled arrays are held softly, so the collector may still take them back when memory
 * runs short. A recycled array holds stale values: callers must overwrite every element.
 */
final class ArrayPool {
  private ArrayPool() {}

  /** Shorter arrays are cheap to allocate and are not pooled. */
  static final int MIN_LENGTH = 1 << 15;

  /** Most arrays of one length kept. */
  static final int PER_LENGTH = 64;

  private static final long MAX_BYTES = Runtime.getRuntime().maxMemory() / 4;

  private static final Map<Integer, ArrayDeque<SoftReference<float[]>>> FLOATS = new HashMap<>();
  private static final Map<Integer, ArrayDeque<SoftReference<double[]>>> DOUBLES = new HashMap<>();

  /** Bytes of the arrays in the pool (counting any the collector has taken back since). */
  private static long pooledBytes;

  /** A float array of {@code length} with unspecified contents. */
  static float[] floats(int length) {
    if (length >= MIN_LENGTH) {
      synchronized (ArrayPool.class) {
        ArrayDeque<SoftReference<float[]>> free = FLOATS.get(length);
        while (free != null && !free.isEmpty()) {
          pooledBytes -= 4L * length;
          float[] array = free.pop().get();
          if (array != null) {
            return array;
          }
        }
      }
    }
    return new float[length];
  }

  /** A double array of {@code length} with unspecified contents. */
  static double[] doubles(int length) {
    if (length >= MIN_LENGTH) {
      synchronized (ArrayPool.class) {
        ArrayDeque<SoftReference<double[]>> free = DOUBLES.get(length);
        while (free != null && !free.isEmpty()) {
          pooledBytes -= 8L * length;
          double[] array = free.pop().get();
          if (array != null) {
            return array;
          }
        }
      }
    }
    return new double[length];
  }

  /** A float or double array of {@code length} with unspecified contents. */
  static Object array(boolean floats, int length) {
    return floats ? floats(length) : doubles(length);
  }

  /** Takes back an array nobody uses any more (a float[] or double[]). */
  static void recycle(Object array) {
    int length = array instanceof float[] f ? f.length : ((double[]) array).length;
    if (length < MIN_LENGTH) {
      return;
    }
    long bytes = array instanceof float[] ? 4L * length : 8L * length;
    synchronized (ArrayPool.class) {
      if (pooledBytes + bytes > MAX_BYTES) {
        sweep(FLOATS, 4);
        sweep(DOUBLES, 8);
      }
      if (pooledBytes + bytes > MAX_BYTES) {
        return;
      }
      if (array instanceof float[] f) {
        if (push(FLOATS.computeIfAbsent(length, l -> new ArrayDeque<>()), f, bytes)) {
          pooledBytes += bytes;
        }
      } else {
        double[] d = (double[]) array;
        if (push(DOUBLES.computeIfAbsent(length, l -> new ArrayDeque<>()), d, bytes)) {
          pooledBytes += bytes;
        }
      }
    }
  }

  /** Adds {@code array} unless {@link #PER_LENGTH} live ones are there; drops collected ones. */
  private static <T> boolean push(ArrayDeque<SoftReference<T>> free, T array, long bytes) {
    if (free.size() >= PER_LENGTH) {
      free.removeIf(
          reference -> {
            boolean collected = reference.get() == null;
            if (collected) {
              pooledBytes -= bytes;
            }
            return collected;
          });
    }
    if (free.size() >= PER_LENGTH) {
      return false;
    }
    free.push(new SoftReference<>(array));
    return true;
  }

  /** Drops every entry whose array the collector has taken back. */
  private static <T> void sweep(Map<Integer, ArrayDeque<SoftReference<T>>> pool, int elementBytes) {
    for (Map.Entry<Integer, ArrayDeque<SoftReference<T>>> entry : pool.entrySet()) {
      long bytes = (long) elementBytes * entry.getKey();
      entry
          .getValue()
          .removeIf(
              reference -> {
                boolean collected = reference.get() == null;
                if (collected) {
                  pooledBytes -= bytes;
                }
                return collected;
              });
    }
  }
}
