package org.cockpit4j.examples.experiment.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an experiment file into {@link ExperimentConfig} records: parses the YAML (keeping the line
 * and column of every key), expands its {@code sweep} section into points, applies overrides, and
 * binds each point strictly. Every mistake is a {@link ConfigException} with {@code
 * file:line:column}, the key, and the known keys or the closest one.
 *
 * <pre>{@code
 * ExperimentFile file = ExperimentLoader.load(Path.of("examples/experiments/fmnist_basic.yaml"),
 *     List.of(ConfigOverride.set("training.steps", IntNode.valueOf(10), "test")));
 * ExperimentConfig config = file.single().config();
 * }</pre>
 *
 * <p>A sweep maps dotted paths to lists of values, e.g. {@code sweep: {optimizer.lr: [0.01, 0.1]}};
 * a key that is no configuration key (e.g. {@code problem}) names an axis whose values are patches:
 * mappings from dotted paths to values, with an optional {@code label}. The points are the
 * Cartesian product, first axis outermost; a point identical to an earlier one is dropped. Each
 * point writes into {@code <output directory>/<label>}. Semantic checks (positive sizes, known
 * names, shapes) are done by {@code ExperimentValidator}.
 */
public final class ExperimentLoader {
  private static final String SWEEP = "sweep";

  private ExperimentLoader() {}

  /** Loads {@code file} without overrides. */
  public static ExperimentFile load(Path file) {
    return load(file, List.of());
  }

  /** Loads {@code file}, applying {@code overrides} to every point (after the sweep values). */
  public static ExperimentFile load(Path file, List<ConfigOverride> overrides) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          SourceLocation.of(file.toString()),
          "",
          "the experiment file does not exist",
          "check the path; `cockpit list` shows what is available, examples/experiments/ holds"
              + " the shipped experiments",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the experiment file " + file, e);
    }
    String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return parse(file.toString(), stem, text, overrides, file);
  }

  /**
   * Loads experiment text (for tests and generated experiments).
   *
   * @param source the name used in error messages
   * @param defaultName the experiment name used when the text has none
   */
  public static ExperimentFile parse(
      String source, String defaultName, String text, List<ConfigOverride> overrides) {
    return parse(source, defaultName, text, overrides, Path.of(source));
  }

  private static ExperimentFile parse(
      String source, String defaultName, String text, List<ConfigOverride> overrides, Path file) {
    SourceMap sources;
    JsonNode root;
    try (JsonParser parser = ExperimentMapper.factory().createParser(text)) {
      sources = SourceMap.scan(source, parser);
    } catch (JsonProcessingException e) {
      throw syntax(source, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse " + source, e);
    }
    try {
      root = ExperimentMapper.get().readTree(text);
    } catch (JsonProcessingException e) {
      throw syntax(source, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(
          SourceLocation.of(source),
          "",
          "the experiment file is empty",
          "start from one of the files in examples/experiments/");
    }
    if (!root.isObject()) {
      throw new ConfigException(
          sources.value(""),
          "",
          "an experiment file must be a mapping of keys (name, data, model, ...), got a "
              + kind(root),
          "write `key: value` lines at the top level");
    }
    ObjectNode document = (ObjectNode) root;
    JsonNode sweepNode = document.remove(SWEEP);
    if (!document.has("name")) {
      document.put("name", defaultName);
    }
    List<Axis> axes = sweepNode == null ? List.of() : axes(sweepNode, sources);
    List<ExperimentPoint> points = new ArrayList<>();
    List<ObjectNode> seen = new ArrayList<>();
    int[] choice = new int[axes.size()];
    do {
      ObjectNode tree = document.deepCopy();
      SourceMap pointSources = sources.copy();
      Map<String, Object> settings = new LinkedHashMap<>();
      List<String> labels = new ArrayList<>();
      for (int a = 0; a < axes.size(); a++) {
        Axis axis = axes.get(a);
        int index = choice[a];
        JsonNode value = axis.values.get(index);
        SourceLocation location = sources.value(axis.pointer + "/" + index);
        if (axis.named) {
          labels.add(axis.label(index));
          value
              .properties()
              .forEach(
                  field -> {
                    if (!field.getKey().equals("label")) {
                      apply(tree, pointSources, field.getKey(), field.getValue(), location);
                      settings.put(field.getKey(), plain(field.getValue()));
                    }
                  });
        } else {
          labels.add(axis.label(index));
          apply(tree, pointSources, axis.key, value, location);
          settings.put(axis.key, plain(value));
        }
      }
      for (ConfigOverride override : overrides) {
        apply(
            tree,
            pointSources,
            override.path(),
            override.value(),
            SourceLocation.of(override.origin()));
      }
      if (containsEqual(seen, tree)) {
        continue;
      }
      seen.add(tree.deepCopy());
      String label = String.join("__", labels);
      if (!axes.isEmpty()) {
        String base =
            tree.path("output").hasNonNull("directory")
                ? tree.path("output").path("directory").asText()
                : "runs/" + tree.path("name").asText();
        ObjectNode output =
            tree.has("output") && tree.get("output").isObject()
                ? (ObjectNode) tree.get("output")
                : tree.putObject("output");
        output.put("directory", base + "/" + label);
      }
      ExperimentConfig config = bind(tree, pointSources);
      points.add(new ExperimentPoint(label, settings, config, pointSources, tree));
    } while (advance(choice, axes));
    return new ExperimentFile(file, points, !axes.isEmpty());
  }

  /** Binds one document into the records, translating Jackson's errors. */
  public static ExperimentConfig bind(ObjectNode tree, SourceMap sources) {
    try {
      return ExperimentMapper.get().treeToValue(tree, ExperimentConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String pointer = ConfigPaths.pointer(e);
      List<String> known =
          e.getReferringClass() != null && e.getReferringClass().isRecord()
              ? RecordKeys.of(e.getReferringClass())
              : names(e.getKnownPropertyIds());
      throw new ConfigException(
          sources.key(pointer),
          ConfigPaths.display(pointer),
          Suggestions.unknown("key", e.getPropertyName(), known),
          "");
    } catch (MismatchedInputException e) {
      String pointer = ConfigPaths.pointer(e);
      JsonNode given = tree.at(pointer);
      throw new ConfigException(
          sources.value(pointer),
          ConfigPaths.display(pointer),
          "expected " + expected(e.getTargetType()) + ", got " + describe(given),
          "");
    } catch (JsonMappingException e) {
      String pointer = ConfigPaths.pointer(e);
      throw new ConfigException(
          sources.value(pointer), ConfigPaths.display(pointer), e.getOriginalMessage(), "", e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(sources.value(""), "", e.getOriginalMessage(), "", e);
    }
  }

  private static List<String> names(Collection<Object> ids) {
    List<String> names = new ArrayList<>();
    if (ids != null) {
      ids.forEach(id -> names.add(String.valueOf(id)));
    }
    return names;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type.isRecord()) {
      return "a mapping with the keys " + String.join(", ", RecordKeys.of(type));
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping";
    }
    return "a " + type.getSimpleName();
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return "'" + node.asText() + "'";
    }
    if (node.isContainerNode()) {
      return "a " + kind(node) + " " + node;
    }
    return node.toString();
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "list";
    }
    if (node.isObject()) {
      return "mapping";
    }
    if (node.isTextual()) {
      return "text";
    }
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static ConfigException syntax(String source, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    SourceLocation where =
        location == null
            ? SourceLocation.of(source)
            : new SourceLocation(source, location.getLineNr(), location.getColumnNr());
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith("Duplicate field")) {
      return new ConfigException(
          where, "", message.replace("Duplicate field", "duplicate key"), "keep one of them", e);
    }
    return new ConfigException(
        where,
        "",
        "not valid YAML: " + firstLine(message),
        "check the indentation and the `key: value` syntax near this place",
        e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  // ---- sweep -------------------------------------------------------------------------------

  private static final class Axis {
    final String key;
    final String pointer;
    final boolean named;
    final List<JsonNode> values;

    Axis(String key, String pointer, boolean named, List<JsonNode> values) {
      this.key = key;
      this.pointer = pointer;
      this.named = named;
      this.values = values;
    }

    String label(int index) {
      JsonNode value = values.get(index);
      if (named) {
        return value.hasNonNull("label") ? safe(value.get("label").asText()) : key + index;
      }
      String last = key.substring(key.lastIndexOf('.') + 1);
      String text = value.isValueNode() ? value.asText() : value.toString();
      return safe(last + "=" + text);
    }
  }

  private static String safe(String label) {
    return label.replaceAll("[^A-Za-z0-9._=+-]", "_");
  }

  private static List<Axis> axes(JsonNode sweep, SourceMap sources) {
    String pointer = "/" + SWEEP;
    if (!sweep.isObject()) {
      throw new ConfigException(
          sources.value(pointer),
          SWEEP,
          "a sweep must be a mapping from dotted keys to lists of values, got " + describe(sweep),
          "write e.g. `sweep: {optimizer.lr: [0.01, 0.1]}`");
    }
    List<String> topLevel = RecordKeys.of(ExperimentConfig.class);
    List<Axis> axes = new ArrayList<>();
    sweep
        .properties()
        .forEach(
            field -> {
              String key = field.getKey();
              String axisPointer = pointer + "/" + key;
              JsonNode values = field.getValue();
              if (!values.isArray() || values.isEmpty()) {
                throw new ConfigException(
                    sources.value(axisPointer),
                    SWEEP + "." + key,
                    "a sweep axis needs a non-empty list of values, got " + describe(values),
                    "write e.g. `" + key + ": [value1, value2]`");
              }
              boolean named = !key.contains(".") && !topLevel.contains(key);
              List<JsonNode> list = new ArrayList<>();
              for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i);
                if (named && !value.isObject()) {
                  throw new ConfigException(
                      sources.value(axisPointer + "/" + i),
                      SWEEP + "." + key + "[" + i + "]",
                      "'"
                          + key
                          + "' is no configuration key, so it names an axis of patches; each"
                          + " value must be a mapping of dotted keys to values, got "
                          + describe(value),
                      "write e.g. `- {label: small, model.architecture: logreg}`, or use a"
                          + " dotted key such as optimizer.lr (known top-level keys: "
                          + String.join(", ", topLevel)
                          + ")");
                }
                list.add(value);
              }
              axes.add(new Axis(key, axisPointer, named, list));
            });
    return axes;
  }

  private static boolean advance(int[] choice, List<Axis> axes) {
    for (int a = axes.size() - 1; a >= 0; a--) {
      choice[a]++;
      if (choice[a] < axes.get(a).values.size()) {
        return true;
      }
      choice[a] = 0;
    }
    return false;
  }

  private static boolean containsEqual(List<ObjectNode> seen, ObjectNode tree) {
    for (ObjectNode earlier : seen) {
      if (earlier.equals(tree)) {
        return true;
      }
    }
    return false;
  }

  private static Object plain(JsonNode value) {
    return ExperimentMapper.get().convertValue(value, Object.class);
  }

  // ---- overrides ---------------------------------------------------------------------------

  /**
   * Sets (or, for a null value, removes) the value at dotted {@code path} in {@code tree}, creating
   * missing mappings, and points the source map of every created or replaced place at {@code
   * origin}.
   */
  static void apply(
      ObjectNode tree, SourceMap sources, String path, JsonNode value, SourceLocation origin) {
    List<String> segments = List.of(path.split("\\."));
    JsonNode node = tree;
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < segments.size() - 1; i++) {
      String segment = segments.get(i);
      pointer.append('/').append(segment);
      JsonNode child = child(node, segment, path, origin);
      if (child == null || child.isNull()) {
        if (value == null) {
          return;
        }
        if (!(node instanceof ObjectNode object)) {
          throw new ConfigException(
              origin, path, "there is no element " + segment + " to set", "check the index");
        }
        child = object.putObject(segment);
        sources.override(pointer.toString(), origin);
      }
      node = child;
    }
    String last = segments.get(segments.size() - 1);
    pointer.append('/').append(last);
    if (node instanceof ObjectNode object) {
      if (value == null) {
        object.remove(last);
      } else {
        object.set(last, value.deepCopy());
        sources.override(pointer.toString(), origin);
      }
    } else if (node instanceof ArrayNode array && ConfigPaths.isIndex(last)) {
      int index = Integer.parseInt(last);
      if (index == array.size() && value != null) {
        array.add(value.deepCopy()); // one past the end appends
        sources.override(pointer.toString(), origin);
        return;
      }
      if (index >= array.size()) {
        throw new ConfigException(
            origin,
            path,
            "the list has " + array.size() + " elements, so there is no element " + index,
            "use an index below " + array.size() + ", or " + array.size() + " to append");
      }
      if (value == null) {
        array.remove(index);
      } else {
        array.set(index, value.deepCopy());
        sources.override(pointer.toString(), origin);
      }
    } else {
      throw new ConfigException(
          origin,
          path,
          "cannot set a key inside a " + (node == null ? "missing value" : kind(node)),
          "check the dotted path");
    }
  }

  private static JsonNode child(JsonNode node, String segment, String path, SourceLocation origin) {
    if (node.isObject()) {
      return node.get(segment);
    }
    if (node.isArray()) {
      if (!ConfigPaths.isIndex(segment)) {
        throw new ConfigException(
            origin, path, "'" + segment + "' is not a list index", "use a number, e.g. layers.0");
      }
      int index = Integer.parseInt(segment);
      if (index >= node.size()) {
        throw new ConfigException(
            origin,
            path,
            "the list has " + node.size() + " elements, so there is no element " + index,
            "use an index below " + node.size());
      }
      return node.get(index);
    }
    throw new ConfigException(
        origin, path, "cannot go into a " + kind(node) + " at '" + segment + "'", "");
  }

  /** A YAML scalar or flow value typed on the command line, e.g. {@code 0.1} or {@code [1, 2]}. */
  public static JsonNode parseValue(String text) {
    try {
      JsonNode node = ExperimentMapper.get().readTree(text);
      return node == null || node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
    } catch (JsonProcessingException e) {
      return JsonNodeFactory.instance.textNode(text);
    }
  }
}
