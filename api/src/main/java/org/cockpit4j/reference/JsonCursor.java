package org.cockpit4j.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON node together with its file and path, so that every read can fail with a {@link
 * ReferenceFormatException} that says where and what was expected. Numbers may be written as the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 */
final class JsonCursor {
  private final JsonNode node;
  private final String file;
  private final String path;

  JsonCursor(JsonNode node, String file, String path) {
    this.node = node;
    this.file = file;
    this.path = path;
  }

  /** The document root of {@code file}. */
  static JsonCursor root(JsonNode node, String file) {
    return new JsonCursor(node, file, "");
  }

  JsonNode node() {
    return node;
  }

  String file() {
    return file;
  }

  String path() {
    return path;
  }

  /** A failure at this node: "{file}: at {path}: expected {expected}, found {what is here}". */
  ReferenceFormatException error(String expected) {
    return new ReferenceFormatException(file, path, "expected " + expected + ", found " + found());
  }

  /** A failure at this node with a free-form problem description. */
  ReferenceFormatException problem(String problem) {
    return new ReferenceFormatException(file, path, problem);
  }

  private String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The member {@code key} of this object; it must be present and not null. */
  JsonCursor field(String key) {
    requireObject();
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      String known = String.join(", ", fieldNames());
      throw new ReferenceFormatException(
          file,
          childPath(key),
          "missing required key '"
              + key
              + "'"
              + (child == null ? "" : " (it is null)")
              + (path.isEmpty() ? "" : " in the object at " + path)
              + "; keys present: ["
              + known
              + "]");
    }
    return new JsonCursor(child, file, childPath(key));
  }

  /** The member {@code key}, or null when absent or JSON null. */
  JsonCursor optionalField(String key) {
    requireObject();
    JsonNode child = node.get(key);
    return child == null || child.isNull() ? null : new JsonCursor(child, file, childPath(key));
  }

  /** Whether this object has a non-null member {@code key}. */
  boolean has(String key) {
    return node.isObject() && node.hasNonNull(key);
  }

  /** The member names of this object, in document order. */
  List<String> fieldNames() {
    requireObject();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The elements of this array. */
  List<JsonCursor> elements() {
    if (!node.isArray()) {
      throw error("an array");
    }
    List<JsonCursor> elements = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      elements.add(new JsonCursor(node.get(i), file, path + "[" + i + "]"));
    }
    return elements;
  }

  /** The elements of this array, which must have exactly {@code count} of them. */
  List<JsonCursor> elements(int count, String what) {
    List<JsonCursor> elements = elements();
    if (elements.size() != count) {
      throw problem("expected " + count + " entries (" + what + "), found " + elements.size());
    }
    return elements;
  }

  /** This object's member nodes (for objects kept generic). */
  JsonCursor requireObject() {
    if (!node.isObject()) {
      throw error("an object");
    }
    return this;
  }

  String asString() {
    if (!node.isTextual()) {
      throw error("a string");
    }
    return node.textValue();
  }

  boolean asBoolean() {
    if (!node.isBoolean()) {
      throw error("true or false");
    }
    return node.booleanValue();
  }

  /** A number, or one of the strings "NaN", "Infinity", "-Infinity". */
  double asDouble() {
    return number(node, this);
  }

  long asLong() {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isFloatingPointNumber()) {
      double value = node.doubleValue();
      if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
        return (long) value;
      }
    }
    throw error("an integer");
  }

  int asInt() {
    long value = asLong();
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error("an integer in the int range");
    }
    return (int) value;
  }

  int[] asIntArray() {
    List<JsonCursor> elements = elements();
    int[] values = new int[elements.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = elements.get(i).asInt();
    }
    return values;
  }

  double[] asDoubleArray() {
    if (!node.isArray()) {
      throw error("an array of numbers");
    }
    double[] values = new double[node.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode element = node.get(i);
      if (element.isNumber()) {
        values[i] = element.doubleValue();
      } else {
        values[i] = number(element, new JsonCursor(element, file, path + "[" + i + "]"));
      }
    }
    return values;
  }

  private static double number(JsonNode node, JsonCursor where) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      switch (node.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw where.error("a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
  }

  /** A short description of the node for error messages. */
  String found() {
    return describe(node);
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      String text = node.textValue();
      return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }
    if (node.isNumber()) {
      return "the number " + node.asText();
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    if (node.isArray()) {
      return "an array of " + node.size() + " elements";
    }
    if (node.isObject()) {
      return "an object with keys " + iterableNames(node);
    }
    return node.getNodeType().toString();
  }

  private static List<String> iterableNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
