package org.cockpit4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer description: a type name ({@code linear}, {@code conv2d}, ...) and its options, e.g.
 * {@code linear {in: 12, out: 4, bias: true}}. Option values are JSON/YAML-like: numbers, booleans,
 * strings and lists of them.
 *
 * @param type the layer type name
 * @param options the options (copied; unknown ones fail when the layer is built)
 */
public record LayerSpec(String type, Map<String, Object> options) {

  /** Validates and copies. */
  public LayerSpec {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("a layer spec needs a type name");
    }
    options = Map.copyOf(options);
  }

  /** A spec without options. */
  public static LayerSpec of(String type) {
    return new LayerSpec(type, Map.of());
  }

  /** A spec with options. */
  public static LayerSpec of(String type, Map<String, Object> options) {
    return new LayerSpec(type, options);
  }

  /**
   * A spec from a layer object whose {@code type} key names the type and whose other keys are the
   * options (the reference files' layout).
   */
  public static LayerSpec fromObject(Map<String, ?> object) {
    Object type = object.get("type");
    if (!(type instanceof String name)) {
      throw new IllegalArgumentException(
          "a layer object needs a string 'type', got " + object.keySet());
    }
    Map<String, Object> options = new LinkedHashMap<>(object);
    options.remove("type");
    return new LayerSpec(name, options);
  }

  /**
   * A spec from a reference file's layer object ({@code model.layers[i]} of a reference case):
   * integers, reals, booleans, strings and lists of them become the options.
   */
  public static LayerSpec fromReference(org.cockpit4j.reference.LayerSpec layer) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : layer.fields().entrySet()) {
      options.put(field.getKey(), plain(field.getValue(), layer.path() + "." + field.getKey()));
    }
    return new LayerSpec(layer.type(), options);
  }

  private static Object plain(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        list.add(plain(node.get(i), path + "[" + i + "]"));
      }
      return list;
    }
    throw new IllegalArgumentException(
        "layer option "
            + path
            + " is "
            + node.getNodeType()
            + "; expected a number, boolean,"
            + " string or list");
  }
}
