package org.cockpit4j.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.cockpit4j.tensor.Shape;

/**
 * Converts plain Java values into JSON the way the reference files write them: non-finite numbers
 * as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, tensors as tensor objects.
 */
public final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonValues() {}

  /**
   * The JSON form of {@code value}: null; {@link JsonNode} (as is); {@link TensorData} (a float64
   * tensor object); Number, Boolean, String; {@code double[]}, {@code int[]}, {@code long[]} and
   * {@link List} (arrays); {@link Map} with string keys (objects, in the map's order).
   */
  public static JsonNode toJson(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof TensorData tensor) {
      return tensor(tensor);
    }
    if (value instanceof Double || value instanceof Float) {
      return number(((Number) value).doubleValue());
    }
    if (value instanceof Number number) {
      return NODES.numberNode(number.longValue());
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof CharSequence text) {
      return NODES.textNode(text.toString());
    }
    if (value instanceof double[] doubles) {
      return numbers(doubles);
    }
    if (value instanceof int[] ints) {
      ArrayNode array = NODES.arrayNode(ints.length);
      for (int element : ints) {
        array.add(element);
      }
      return array;
    }
    if (value instanceof long[] longs) {
      ArrayNode array = NODES.arrayNode(longs.length);
      for (long element : longs) {
        array.add(element);
      }
      return array;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object element : list) {
        array.add(toJson(element));
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.set(String.valueOf(entry.getKey()), toJson(entry.getValue()));
      }
      return object;
    }
    throw new IllegalArgumentException(
        "Cannot write a " + value.getClass().getName() + " as JSON: " + value);
  }

  /** A number, or its string form when not finite. */
  public static JsonNode number(double value) {
    if (Double.isNaN(value)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(value)) {
      return NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
    }
    return NODES.numberNode(value);
  }

  /** A JSON array of numbers (non-finite ones as strings). */
  public static ArrayNode numbers(double[] values) {
    ArrayNode array = NODES.arrayNode(values.length);
    for (double element : values) {
      array.add(number(element));
    }
    return array;
  }

  /** A float64 tensor object {@code {"shape", "dtype", "data"}}. */
  public static ObjectNode tensor(TensorData tensor) {
    ObjectNode object = NODES.objectNode();
    object.set("shape", toJson(tensor.shape().dims()));
    object.put("dtype", "float64");
    object.set("data", numbers(tensor.data()));
    return object;
  }

  /** An int64 tensor object (histogram counts). */
  public static ObjectNode tensor(Shape shape, long[] counts) {
    if (counts.length != shape.size()) {
      throw new IllegalArgumentException(
          counts.length + " counts do not fill shape " + shape + " (" + shape.size() + ")");
    }
    ObjectNode object = NODES.objectNode();
    object.set("shape", toJson(shape.dims()));
    object.put("dtype", "int64");
    object.set("data", toJson(counts));
    return object;
  }

  /** A JSON list of tensor objects, one per parameter. */
  public static ArrayNode tensors(List<TensorData> tensors) {
    ArrayNode array = NODES.arrayNode(tensors.size());
    for (TensorData tensor : tensors) {
      array.add(tensor(tensor));
    }
    return array;
  }
}
