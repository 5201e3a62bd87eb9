package org.cockpit4j.log;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;

/**
 * The file the original's {@code Cockpit.write(logpath)} produces (json_tricks, {@code indent=4},
 * {@code sort_keys=True}; FORMAT.md §7.2): {@code {"<step>": {"<QuantityName>": value}}} with steps
 * as strings in numeric order, keys sorted, numpy arrays as {@code {"Corder"?, "__ndarray__",
 * "dtype", "shape"}}, NaN and infinities as bare tokens. Tools written for the original read it.
 */
public final class OriginalLogFormat {
  private OriginalLogFormat() {}

  /** The JSON text of {@code log}. */
  public static String toJson(CockpitLog log) {
    StringBuilder text = new StringBuilder();
    try {
      SortedMap<Integer, SortedMap<String, Object>> steps = log.steps();
      if (steps.isEmpty()) {
        return "{}";
      }
      text.append("{\n");
      int written = 0;
      for (Map.Entry<Integer, SortedMap<String, Object>> step : steps.entrySet()) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        step.getValue().forEach((key, value) -> values.set(key, LogValues.toLogJson(value)));
        text.append("    \"").append(step.getKey()).append("\": ");
        JsonText.writePretty(values, text, 4, true, 1);
        written++;
        text.append(written < steps.size() ? ",\n" : "\n");
      }
      text.append('}');
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return text.toString();
  }

  /**
   * The same layout on one line without spaces (keys sorted, steps as strings): what checkpoints
   * store; {@link CockpitLogReader#parseOriginal} reads it back with the same values.
   */
  public static String toCompactJson(CockpitLog log) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    log.steps()
        .forEach(
            (step, values) -> {
              ObjectNode node = root.putObject(String.valueOf(step));
              values.forEach((key, value) -> node.set(key, LogValues.toLogJson(value)));
            });
    StringBuilder text = new StringBuilder();
    try {
      JsonText.writeCompact(root, text, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return text.toString();
  }

  /**
   * Writes {@code log} to {@code file} (exactly this path; the original appends {@code .json} to
   * its argument), creating the parent directories.
   */
  public static void write(CockpitLog log, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toJson(log), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the Cockpit log " + file, e);
    }
  }
}
