package org.cockpit4j.checkpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;

/**
 * Writes one level of a state tree (see {@link Checkpointable}): scalars go into the JSON part,
 * arrays and tensors as raw little-endian values into the binary part, so every value comes back
 * bit for bit. Keys are unique within a level; writing a key twice replaces the first value (its
 * array bytes stay unused in the file). A null array, tensor or string is stored as null and read
 * back as null.
 */
public final class StateWriter {
  /** The reserved key holding the version of a {@link #putState nested state}. */
  static final String VERSION_KEY = "@version";

  /** The reserved key naming the class that wrote a {@link #putState nested state}. */
  static final String KIND_KEY = "@kind";

  private final ObjectNode node;
  private final ArrayOutput arrays;
  private final String path;

  StateWriter(ObjectNode node, ArrayOutput arrays, String path) {
    this.node = node;
    this.arrays = arrays;
    this.path = path;
  }

  /** The dotted path of this level inside the state, for messages ({@code ""} at the root). */
  public String path() {
    return path;
  }

  private String checked(String key) {
    if (key == null || key.isEmpty() || key.startsWith("@")) {
      throw new IllegalArgumentException(
          "State keys must be non-empty and not start with '@' (reserved); got '"
              + key
              + "' at "
              + (path.isEmpty() ? "the root" : path));
    }
    return key;
  }

  /** Stores an int. */
  public StateWriter putInt(String key, int value) {
    node.put(checked(key), value);
    return this;
  }

  /** Stores a long. */
  public StateWriter putLong(String key, long value) {
    node.put(checked(key), value);
    return this;
  }

  /** Stores a boolean. */
  public StateWriter putBoolean(String key, boolean value) {
    node.put(checked(key), value);
    return this;
  }

  /** Stores a double exactly (its raw bits, in hexadecimal). */
  public StateWriter putDouble(String key, double value) {
    node.put(checked(key), Long.toHexString(Double.doubleToRawLongBits(value)));
    return this;
  }

  /** Stores a string (or null). */
  public StateWriter putString(String key, String value) {
    node.put(checked(key), value);
    return this;
  }

  /** Stores a list of strings (a small list: it goes into the JSON part). */
  public StateWriter putStrings(String key, List<String> values) {
    ArrayNode array = node.putArray(checked(key));
    values.forEach(array::add);
    return this;
  }

  /** Stores a small int array in the JSON part (indices, counts); null allowed. */
  public StateWriter putInts(String key, int[] values) {
    if (values == null) {
      node.putNull(checked(key));
      return this;
    }
    ArrayNode array = node.putArray(checked(key));
    for (int value : values) {
      array.add(value);
    }
    return this;
  }

  /** Stores a float64 array exactly (binary part); null allowed. */
  public StateWriter putDoubles(String key, double[] values) {
    if (values == null) {
      node.putNull(checked(key));
      return this;
    }
    node.set(checked(key), arrays.doubles(values, new int[] {values.length}));
    return this;
  }

  /**
   * Stores a float64 array as {@code storedAs}: float32 halves the size for values that came from
   * float32 tensors (each must be exactly a float, else this fails); null allowed.
   */
  public StateWriter putDoubles(String key, double[] values, DType storedAs) {
    if (values == null || storedAs == DType.FLOAT64) {
      return putDoubles(key, values);
    }
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
      if (floats[i] != values[i] && !(Double.isNaN(values[i]))) {
        throw new IllegalArgumentException(
            "Value "
                + values[i]
                + " at index "
                + i
                + " of "
                + where(key)
                + " is not a float32; store it as float64");
      }
    }
    node.set(checked(key), arrays.floats(floats, new int[] {values.length}));
    return this;
  }

  /** Stores a long array exactly (binary part); null allowed. */
  public StateWriter putLongs(String key, long[] values) {
    if (values == null) {
      node.putNull(checked(key));
      return this;
    }
    node.set(checked(key), arrays.longs(values, new int[] {values.length}));
    return this;
  }

  /**
   * Stores a tensor's values, shape and dtype exactly (copied to the host; the tensor stays the
   * caller's); null allowed.
   */
  public StateWriter putTensor(String key, Tensor tensor) {
    if (tensor == null) {
      node.putNull(checked(key));
      return this;
    }
    int[] shape = tensor.shape().dims();
    if (tensor.dtype() == DType.FLOAT32) {
      node.set(checked(key), arrays.floats(tensor.toFloatArray(), shape));
    } else {
      node.set(checked(key), arrays.doubles(tensor.toDoubleArray(), shape));
    }
    return this;
  }

  /** A nested level under {@code key}. */
  public StateWriter child(String key) {
    return new StateWriter(node.putObject(checked(key)), arrays, where(key));
  }

  /** Appends a new level to the list under {@code key} (read back by {@link StateReader#list}). */
  public StateWriter addElement(String key) {
    ArrayNode list =
        node.get(checked(key)) instanceof ArrayNode existing ? existing : node.putArray(key);
    return new StateWriter(list.addObject(), arrays, where(key) + "." + (list.size() - 1));
  }

  /** Creates the list under {@code key} now, so that an empty list is stored as one. */
  public StateWriter emptyList(String key) {
    if (!(node.get(checked(key)) instanceof ArrayNode)) {
      node.putArray(key);
    }
    return this;
  }

  /**
   * Stores {@code part}'s state under {@code key}, stamped with its {@link
   * Checkpointable#stateVersion()} and class name (restore with {@link StateReader#restoreState}).
   */
  public StateWriter putState(String key, Checkpointable part) {
    StateWriter child = child(key);
    child.node.put(VERSION_KEY, part.stateVersion());
    child.node.put(KIND_KEY, part.getClass().getName());
    part.saveState(child);
    return this;
  }

  private String where(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
