package org.cockpit4j.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts quantity values (the Java form of the original's {@code get_output()} entries) to and
 * from JSON.
 *
 * <p>Java values: {@code Double} (floats), {@code Long}/{@code Integer} (ints), {@code Boolean},
 * {@code String}, {@code List} (lists and tuples), {@code Map<String, ?>} (dicts), {@link NdArray}
 * (numpy arrays), and {@code double[]}/{@code long[]} (written as lists).
 *
 * <p>Two encodings of arrays: the original's log ({@code {"__ndarray__": nested lists, "dtype",
 * "shape"}}, {@code "Corder": true} from two axes on; json_tricks) and the reference cases' tensor
 * objects ({@code {"shape", "dtype", "data"}}). Non-finite numbers stay numbers in the log encoding
 * (the writers emit the bare tokens {@code NaN}, {@code Infinity}, {@code -Infinity}, as Python's
 * json does) and become the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} in the
 * reference encoding (FORMAT.md §1). {@link #fromJson} reads all of these.
 */
public final class LogValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LogValues() {}

  /** The original log encoding of {@code value}. */
  public static JsonNode toLogJson(Object value) {
    return encode(value, false);
  }

  /** The reference-case encoding of {@code value} (tensor objects, non-finite as strings). */
  public static JsonNode toReferenceJson(Object value) {
    return encode(value, true);
  }

  private static JsonNode encode(Object value, boolean reference) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof NdArray array) {
      return reference ? tensorObject(array) : ndarrayObject(array);
    }
    if (value instanceof Double || value instanceof Float) {
      return number(((Number) value).doubleValue(), reference);
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
    if (value instanceof double[] values) {
      ArrayNode array = NODES.arrayNode();
      for (double element : values) {
        array.add(number(element, reference));
      }
      return array;
    }
    if (value instanceof long[] values) {
      ArrayNode array = NODES.arrayNode();
      for (long element : values) {
        array.add(element);
      }
      return array;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      for (Object element : list) {
        array.add(encode(element, reference));
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.set(String.valueOf(entry.getKey()), encode(entry.getValue(), reference));
      }
      return object;
    }
    throw new IllegalArgumentException(
        "Cannot write a "
            + value.getClass().getName()
            + " into a Cockpit log; use Double, Long, Boolean, String, List, Map or NdArray");
  }

  private static JsonNode number(double value, boolean reference) {
    if (reference && !Double.isFinite(value)) {
      return NODES.textNode(nonFiniteName(value));
    }
    return NODES.numberNode(value);
  }

  /** {@code NaN}, {@code Infinity} or {@code -Infinity}. */
  static String nonFiniteName(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    return value > 0 ? "Infinity" : "-Infinity";
  }

  private static ObjectNode ndarrayObject(NdArray array) {
    ObjectNode object = NODES.objectNode();
    if (array.rank() > 1) {
      object.put("Corder", true);
    }
    object.set("__ndarray__", nested(array, 0, 0));
    object.put("dtype", array.dtype());
    ArrayNode shape = object.putArray("shape");
    for (int extent : array.shape()) {
      shape.add(extent);
    }
    return object;
  }

  private static JsonNode nested(NdArray array, int axis, int offset) {
    int[] shape = array.shape();
    if (shape.length == 0) {
      return element(array, 0);
    }
    int stride = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      stride *= shape[i];
    }
    ArrayNode list = NODES.arrayNode();
    for (int i = 0; i < shape[axis]; i++) {
      if (axis == shape.length - 1) {
        list.add(element(array, offset + i));
      } else {
        list.add(nested(array, axis + 1, offset + i * stride));
      }
    }
    return list;
  }

  private static JsonNode element(NdArray array, int index) {
    double value = array.get(index);
    return array.isInteger() ? NODES.numberNode((long) value) : NODES.numberNode(value);
  }

  private static ObjectNode tensorObject(NdArray array) {
    ObjectNode object = NODES.objectNode();
    ArrayNode shape = object.putArray("shape");
    for (int extent : array.shape()) {
      shape.add(extent);
    }
    object.put("dtype", array.dtype());
    ArrayNode data = object.putArray("data");
    for (int i = 0; i < array.size(); i++) {
      if (array.isInteger()) {
        data.add((long) array.get(i));
      } else {
        data.add(number(array.get(i), true));
      }
    }
    return object;
  }

  /**
   * The Java value of a JSON value in either encoding: numpy objects and tensor objects become
   * {@link NdArray}, integral numbers {@code Long}, other numbers and the strings {@code "NaN"},
   * {@code "Infinity"}, {@code "-Infinity"} {@code Double}, arrays {@code List}, objects {@code
   * Map} (in document order).
   */
  public static Object fromJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      Double nonFinite = parseNonFinite(node.textValue());
      return nonFinite != null ? nonFinite : node.textValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode element : node) {
        list.add(fromJson(element));
      }
      return list;
    }
    if (node.has("__ndarray__")) {
      return readNdarray(node);
    }
    if (isTensorObject(node)) {
      return readTensorObject(node);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      map.put(field.getKey(), fromJson(field.getValue()));
    }
    return map;
  }

  /** The double of a number node or of the strings {@code NaN}, {@code Infinity}, ... */
  public static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      Double nonFinite = parseNonFinite(node.textValue());
      if (nonFinite != null) {
        return nonFinite;
      }
    }
    throw new IllegalArgumentException("Expected a number, got " + node);
  }

  private static Double parseNonFinite(String text) {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        return null;
    }
  }

  private static boolean isTensorObject(JsonNode node) {
    return node.size() >= 2
        && node.has("shape")
        && node.has("data")
        && node.get("shape").isArray()
        && node.get("data").isArray();
  }

  private static NdArray readTensorObject(JsonNode node) {
    int[] shape = ints(node.get("shape"));
    String dtype = node.has("dtype") ? node.get("dtype").asText() : NdArray.FLOAT64;
    JsonNode data = node.get("data");
    double[] values = new double[data.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(data.get(i));
    }
    return new NdArray(dtype, shape, values);
  }

  private static NdArray readNdarray(JsonNode node) {
    JsonNode nested = node.get("__ndarray__");
    List<Double> values = new ArrayList<>();
    flatten(nested, values);
    int[] shape = node.has("shape") ? ints(node.get("shape")) : inferShape(nested);
    String dtype = node.has("dtype") ? node.get("dtype").asText() : NdArray.FLOAT64;
    double[] data = new double[values.size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = values.get(i);
    }
    return new NdArray(dtype, shape, data);
  }

  private static void flatten(JsonNode node, List<Double> values) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        flatten(element, values);
      }
    } else {
      values.add(number(node));
    }
  }

  private static int[] inferShape(JsonNode nested) {
    List<Integer> extents = new ArrayList<>();
    JsonNode current = nested;
    while (current.isArray()) {
      extents.add(current.size());
      if (current.size() == 0) {
        break;
      }
      current = current.get(0);
    }
    return extents.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }
}
