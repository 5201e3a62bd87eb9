package org.cockpit4j.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a Cockpit log in either layout into a {@link CockpitLog}: the original's JSON file ({@link
 * OriginalLogFormat}, also what cockpit 1.0.2 itself writes) or our JSON Lines log ({@link
 * JsonLinesLog}). The layout is detected from the content. Non-finite numbers may be bare tokens or
 * the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *
 * <p>A JSON Lines log cut off by a killed run is read up to its last complete line.
 */
public final class CockpitLogReader {
  /** The two layouts. */
  public enum Layout {
    /** {@code {"<step>": {"<QuantityName>": value}}}, one JSON document. */
    ORIGINAL,
    /** One JSON object per line: a header, then {@code {"step": k, "values": {...}}} records. */
    JSON_LINES
  }

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private CockpitLogReader() {}

  /** Reads {@code file}. */
  public static CockpitLog read(Path file) {
    String text = readText(file);
    return layout(text) == Layout.JSON_LINES ? readLines(text, file) : readOriginal(text, file);
  }

  /** The layout of {@code file}. */
  public static Layout layout(Path file) {
    return layout(readText(file));
  }

  /** The header metadata of a JSON Lines log (empty for the original layout). */
  public static Map<String, Object> metadata(Path file) {
    String text = readText(file);
    if (layout(text) != Layout.JSON_LINES) {
      return Map.of();
    }
    JsonNode first = parse(text.lines().findFirst().orElse("{}"), file, 1);
    Object metadata = LogValues.fromJson(first.get("metadata"));
    if (metadata instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked") // LogValues turns objects into string-keyed maps
      Map<String, Object> typed = (Map<String, Object>) map;
      return typed;
    }
    return Map.of();
  }

  /** Parses the original layout from text. */
  public static CockpitLog parseOriginal(String text) {
    return readOriginal(text, null);
  }

  private static Layout layout(String text) {
    String first = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip();
    if (first.startsWith("{") && first.endsWith("}") && first.length() > 2) {
      try {
        JsonNode node = MAPPER.readTree(first);
        if (node.has(JsonLinesLog.HEADER_KEY) || node.has("step")) {
          return Layout.JSON_LINES;
        }
      } catch (JsonProcessingException e) {
        return Layout.ORIGINAL;
      }
    }
    return Layout.ORIGINAL;
  }

  private static CockpitLog readOriginal(String text, Path file) {
    JsonNode root = parse(text, file, 0);
    if (!root.isObject()) {
      throw new IllegalArgumentException(where(file) + "is not a JSON object of steps");
    }
    CockpitLog log = new CockpitLog();
    Iterator<Map.Entry<String, JsonNode>> steps = root.fields();
    while (steps.hasNext()) {
      Map.Entry<String, JsonNode> step = steps.next();
      int number = stepNumber(step.getKey(), file);
      Iterator<Map.Entry<String, JsonNode>> values = step.getValue().fields();
      while (values.hasNext()) {
        Map.Entry<String, JsonNode> value = values.next();
        log.put(number, value.getKey(), LogValues.fromJson(value.getValue()));
      }
    }
    return log;
  }

  private static CockpitLog readLines(String text, Path file) {
    CockpitLog log = new CockpitLog();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode record;
      try {
        record = MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1) {
          break; // the last line of a run that was killed while writing it
        }
        throw new IllegalArgumentException(
            where(file) + "line " + (i + 1) + " is not valid JSON: " + e.getOriginalMessage(), e);
      }
      if (record.has(JsonLinesLog.HEADER_KEY)) {
        continue;
      }
      if (!record.has("step") || !record.has("values")) {
        throw new IllegalArgumentException(
            where(file) + "line " + (i + 1) + " has no \"step\" and \"values\": " + line);
      }
      int step = record.get("step").asInt();
      Iterator<Map.Entry<String, JsonNode>> values = record.get("values").fields();
      while (values.hasNext()) {
        Map.Entry<String, JsonNode> value = values.next();
        log.put(step, value.getKey(), LogValues.fromJson(value.getValue()));
      }
    }
    return log;
  }

  private static int stepNumber(String key, Path file) {
    try {
      return Integer.parseInt(key);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where(file) + "has the top-level key '" + key + "'; expected global steps", e);
    }
  }

  private static JsonNode parse(String text, Path file, int line) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where(file)
              + (line > 0 ? "line " + line + " " : "")
              + "is not valid JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Cockpit log " + file, e);
    }
  }

  private static String where(Path file) {
    return file == null ? "The Cockpit log " : "The Cockpit log " + file + " ";
  }
}
