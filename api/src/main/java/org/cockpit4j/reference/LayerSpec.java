package org.cockpit4j.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code model.layers}: its {@code type} and every other field exactly as given, read
 * through typed accessors that fail with the file and JSON path ({@code model.layers[0].stride}).
 * The reader does not interpret layer types, so new types and fields need no reader change.
 *
 * @param type e.g. {@code linear}, {@code conv2d}, {@code leaky_relu}
 * @param fields every member except {@code type}, in document order (read-only)
 * @param file the file the layer came from (for messages; may be null)
 * @param path the JSON path of the layer object, e.g. {@code model.layers[2]}
 */
public record LayerSpec(String type, Map<String, JsonNode> fields, String file, String path) {

  /** Copies the field map (read-only, order kept). */
  public LayerSpec {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  static LayerSpec parse(JsonCursor cursor) {
    String type = cursor.field("type").asString();
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (String name : cursor.fieldNames()) {
      if (!name.equals("type")) {
        fields.put(name, cursor.node().get(name));
      }
    }
    return new LayerSpec(type, fields, cursor.file(), cursor.path());
  }

  /** Whether the field is present (and not null). */
  public boolean has(String name) {
    JsonNode value = fields.get(name);
    return value != null && !value.isNull();
  }

  /** The raw JSON value of a required field. */
  public JsonNode raw(String name) {
    return field(name).node();
  }

  /** A required integer field, e.g. {@code in}, {@code groups}. */
  public int integer(String name) {
    return field(name).asInt();
  }

  /** A required list of integers, e.g. {@code kernel_size}, {@code stride}. */
  public List<Integer> intList(String name) {
    List<Integer> values = new ArrayList<>();
    for (int value : intArray(name)) {
      values.add(value);
    }
    return Collections.unmodifiableList(values);
  }

  /** A required list of integers as an array. */
  public int[] intArray(String name) {
    return field(name).asIntArray();
  }

  /** A required number, e.g. {@code negative_slope} (the strings "NaN", "Infinity" accepted). */
  public double number(String name) {
    return field(name).asDouble();
  }

  /** An optional number. */
  public double number(String name, double defaultValue) {
    return has(name) ? number(name) : defaultValue;
  }

  /** A required boolean. */
  public boolean bool(String name) {
    return field(name).asBoolean();
  }

  /** An optional boolean, e.g. {@code bool("bias", true)}. */
  public boolean bool(String name, boolean defaultValue) {
    return has(name) ? bool(name) : defaultValue;
  }

  /** A required string. */
  public String string(String name) {
    return field(name).asString();
  }

  private JsonCursor field(String name) {
    String fieldPath = path + "." + name;
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      throw new ReferenceFormatException(
          file,
          fieldPath,
          "layer '"
              + type
              + "' has no field '"
              + name
              + "'"
              + (value == null ? "" : " (it is null)")
              + "; fields present: "
              + fields.keySet());
    }
    return new JsonCursor(value, file, fieldPath);
  }

  @Override
  public String toString() {
    return type + fields;
  }
}
