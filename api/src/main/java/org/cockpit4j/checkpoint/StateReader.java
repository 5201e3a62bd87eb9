package org.cockpit4j.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Reads one level of a state tree written by {@link StateWriter}. Accessors fail with a {@link
 * CheckpointException} naming the source file and the dotted key when a value is missing or has the
 * wrong type. Tensors are created on the reader's backend (the one the checkpoint is restored onto)
 * unless another is given, detached from every open {@link TensorScope}: the caller owns them.
 */
public final class StateReader {
  private final JsonNode node;
  private final ByteBuffer arrays;
  private final String path;
  private final String source;
  private final Backend backend;

  StateReader(JsonNode node, ByteBuffer arrays, String path, String source, Backend backend) {
    this.node = node;
    this.arrays = arrays.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.path = path;
    this.source = source;
    this.backend = backend;
  }

  /** The same level creating tensors on {@code target} by default. */
  public StateReader withBackend(Backend target) {
    return new StateReader(node, arrays, path, source, target);
  }

  /** The dotted path of this level inside the state, for messages ({@code ""} at the root). */
  public String path() {
    return path;
  }

  /** The backend tensors are created on by default (may be null: then pass one). */
  public Backend backend() {
    return backend;
  }

  /**
   * The version the state of this level was written with ({@link Checkpointable#stateVersion()}), 1
   * when it was not stamped.
   */
  public int version() {
    JsonNode version = node.get(StateWriter.VERSION_KEY);
    return version == null ? 1 : version.asInt(1);
  }

  /** The keys of this level in the order they were written (reserved {@code @} keys left out). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!key.startsWith("@")) {
                keys.add(key);
              }
            });
    return keys;
  }

  /** Whether {@code key} is present with a non-null value. */
  public boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** A failure about this level, naming the file and the path: "FILE: at KEY: message". */
  public CheckpointException error(String message) {
    return new CheckpointException(
        "The checkpoint "
            + source
            + (path.isEmpty() ? "" : " (at " + path + ")")
            + " does not fit: "
            + message);
  }

  private CheckpointException corrupt(String key, String expected) {
    return new CheckpointException(
        "The checkpoint "
            + source
            + " is corrupt or from another version: "
            + where(key)
            + " should be "
            + expected
            + " but is "
            + describe(node.get(key))
            + "; resume from an earlier checkpoint (delete this one) or start the run again");
  }

  private static String describe(JsonNode value) {
    if (value == null) {
      return "missing";
    }
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  private JsonNode required(String key, String expected) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw corrupt(key, expected);
    }
    return value;
  }

  /** The int under {@code key}. */
  public int getInt(String key) {
    JsonNode value = required(key, "an int");
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw corrupt(key, "an int");
    }
    return value.intValue();
  }

  /** The long under {@code key}. */
  public long getLong(String key) {
    JsonNode value = required(key, "a long");
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw corrupt(key, "a long");
    }
    return value.longValue();
  }

  /** The boolean under {@code key}. */
  public boolean getBoolean(String key) {
    JsonNode value = required(key, "a boolean");
    if (!value.isBoolean()) {
      throw corrupt(key, "a boolean");
    }
    return value.booleanValue();
  }

  /** The double under {@code key}, bit for bit. */
  public double getDouble(String key) {
    JsonNode value = required(key, "a double (hexadecimal bits)");
    if (!value.isTextual()) {
      throw corrupt(key, "a double (hexadecimal bits)");
    }
    try {
      return Double.longBitsToDouble(Long.parseUnsignedLong(value.textValue(), 16));
    } catch (NumberFormatException e) {
      throw corrupt(key, "a double (hexadecimal bits)");
    }
  }

  /** The string under {@code key}, or null when it was stored as null. */
  public String getString(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw corrupt(key, "a string");
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw corrupt(key, "a string");
    }
    return value.textValue();
  }

  /** The strings under {@code key}. */
  public List<String> getStrings(String key) {
    JsonNode value = required(key, "a list of strings");
    if (!value.isArray()) {
      throw corrupt(key, "a list of strings");
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw corrupt(key, "a list of strings");
      }
      strings.add(element.textValue());
    }
    return strings;
  }

  /** The small int array under {@code key} ({@link StateWriter#putInts}), or null. */
  public int[] getInts(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw corrupt(key, "a list of ints");
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw corrupt(key, "a list of ints");
    }
    int[] ints = new int[value.size()];
    for (int i = 0; i < ints.length; i++) {
      JsonNode element = value.get(i);
      if (!element.isIntegralNumber() || !element.canConvertToInt()) {
        throw corrupt(key, "a list of ints");
      }
      ints[i] = element.intValue();
    }
    return ints;
  }

  /** The array under {@code key} as doubles (float32 values widen exactly), or null. */
  public double[] getDoubles(String key) {
    Array array = array(key);
    if (array == null) {
      return null;
    }
    double[] values = new double[array.count];
    ByteBuffer buffer = array.buffer;
    switch (array.dtype) {
      case ArrayOutput.FLOAT64 -> buffer.asDoubleBuffer().get(values);
      case ArrayOutput.FLOAT32 -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = buffer.getFloat(4 * i);
        }
      }
      default -> throw corrupt(key, "a float32 or float64 array");
    }
    return values;
  }

  /** The int64 array under {@code key}, or null. */
  public long[] getLongs(String key) {
    Array array = array(key);
    if (array == null) {
      return null;
    }
    if (!array.dtype.equals(ArrayOutput.INT64)) {
      throw corrupt(key, "an int64 array");
    }
    long[] values = new long[array.count];
    array.buffer.asLongBuffer().get(values);
    return values;
  }

  /** The tensor under {@code key} on the reader's backend, or null. */
  public Tensor getTensor(String key) {
    if (backend == null && has(key)) {
      throw new IllegalStateException(
          "No backend to create the tensor "
              + where(key)
              + " on: read the checkpoint with one (CheckpointStore.read(directory, backend),"
              + " Checkpoint.onBackend(backend)) or pass one to getTensor");
    }
    return getTensor(key, backend);
  }

  /** The tensor under {@code key} on {@code target}, in its saved dtype and shape, or null. */
  public Tensor getTensor(String key, Backend target) {
    Array array = array(key);
    if (array == null) {
      return null;
    }
    Shape shape = new Shape(array.shape);
    Tensor tensor;
    switch (array.dtype) {
      case ArrayOutput.FLOAT64 -> {
        double[] values = new double[array.count];
        array.buffer.asDoubleBuffer().get(values);
        tensor = target.fromArray(values, shape, DType.FLOAT64);
      }
      case ArrayOutput.FLOAT32 -> {
        float[] values = new float[array.count];
        array.buffer.asFloatBuffer().get(values);
        tensor = target.fromArray(values, shape);
      }
      default -> throw corrupt(key, "a float32 or float64 tensor");
    }
    return TensorScope.detach(tensor);
  }

  /** The nested level under {@code key}. */
  public StateReader child(String key) {
    JsonNode value = required(key, "a nested state");
    if (!value.isObject()) {
      throw corrupt(key, "a nested state");
    }
    return new StateReader(value, arrays, where(key), source, backend);
  }

  /** The levels of the list under {@code key} ({@link StateWriter#addElement}), in order. */
  public List<StateReader> list(String key) {
    JsonNode value = required(key, "a list of states");
    if (!value.isArray()) {
      throw corrupt(key, "a list of states");
    }
    List<StateReader> elements = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isObject()) {
        throw corrupt(key, "a list of states");
      }
      elements.add(new StateReader(element, arrays, where(key) + "." + i, source, backend));
    }
    return elements;
  }

  /**
   * Restores {@code part} from the state under {@code key} ({@link StateWriter#putState}); fails
   * when that state was written by a newer version of {@code part}.
   */
  public void restoreState(String key, Checkpointable part) {
    StateReader child = child(key);
    if (child.version() > part.stateVersion()) {
      throw new CheckpointException(
          "The checkpoint "
              + source
              + " holds "
              + where(key)
              + " in state version "
              + child.version()
              + ", newer than the version "
              + part.stateVersion()
              + " that "
              + part.getClass().getName()
              + " reads; resume with the Cockpit4J version that wrote it");
    }
    part.restoreState(child);
  }

  private record Array(String dtype, int[] shape, int count, ByteBuffer buffer) {}

  private Array array(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw corrupt(key, "an array");
    }
    if (value.isNull()) {
      return null;
    }
    JsonNode dtype = value.get("dtype");
    JsonNode shape = value.get("shape");
    JsonNode offset = value.get("offset");
    if (dtype == null
        || !dtype.isTextual()
        || shape == null
        || !shape.isArray()
        || offset == null
        || !offset.canConvertToLong()) {
      throw corrupt(key, "an array {dtype, shape, offset}");
    }
    int width =
        switch (dtype.textValue()) {
          case ArrayOutput.FLOAT64, ArrayOutput.INT64 -> 8;
          case ArrayOutput.FLOAT32 -> 4;
          default -> throw corrupt(key, "an array of float64, float32 or int64");
        };
    int[] dims = new int[shape.size()];
    long count = 1;
    for (int i = 0; i < dims.length; i++) {
      JsonNode extent = shape.get(i);
      if (!extent.canConvertToInt() || extent.intValue() < 0) {
        throw corrupt(key, "an array with a valid shape");
      }
      dims[i] = extent.intValue();
      count *= dims[i];
    }
    long start = offset.longValue();
    long end = start + count * width;
    if (start < 0 || count > Integer.MAX_VALUE || end > arrays.capacity()) {
      throw new CheckpointException(
          "The checkpoint "
              + source
              + " is corrupt: "
              + where(key)
              + " needs bytes "
              + start
              + " to "
              + end
              + " of the arrays file, which has "
              + arrays.capacity()
              + "; resume from an earlier checkpoint (delete this one) or start the run again");
    }
    ByteBuffer slice =
        arrays
            .duplicate()
            .position((int) start)
            .limit((int) end)
            .slice()
            .order(ByteOrder.LITTLE_ENDIAN);
    return new Array(dtype.textValue(), dims, (int) count, slice);
  }

  private String where(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
