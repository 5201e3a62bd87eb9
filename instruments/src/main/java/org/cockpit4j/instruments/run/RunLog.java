package org.cockpit4j.instruments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.CockpitLogReader;
import org.cockpit4j.log.JsonLinesLog;
import org.cockpit4j.log.LogValues;

/**
 * The log of one run, kept up to date while the run writes it: a JSON Lines log is tailed (only the
 * complete lines appended since the last {@link #refresh} are read), a log in the original's layout
 * is re-read when it changes. Keys no instrument reads ({@code Parameters}, the full θ at every
 * step) are dropped on reading. Thread-safe.
 */
public final class RunLog {
  /** Keys dropped on reading: large and unused by the instruments. */
  public static final Set<String> SKIPPED_KEYS = Set.of("Parameters");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final Path path;
  private final String name;
  private Path file;
  private CockpitLog log = new CockpitLog();
  private Map<String, Object> metadata = Map.of();
  private boolean jsonLines;
  private long position;
  private long seenSize = -1;
  private long seenModified = -1;
  private long version;

  /** The log of {@code path}: a log file or a run directory (whose log may not exist yet). */
  public RunLog(Path path) {
    this.path = path;
    this.name = RunDirectory.name(path);
  }

  /** Reads {@code path} once and returns its data. */
  public static RunData read(Path path) {
    RunLog log = new RunLog(path);
    RunDirectory.requireLog(path);
    log.refresh();
    return log.snapshot();
  }

  /** The run directory or log file given. */
  public Path path() {
    return path;
  }

  /** The run's display name. */
  public String name() {
    return name;
  }

  /** The log file, once found. */
  public synchronized Path file() {
    return file;
  }

  /** Increases whenever {@link #refresh} saw new data. */
  public synchronized long version() {
    return version;
  }

  /** Reads what was appended or changed; returns whether anything new arrived. */
  public synchronized boolean refresh() {
    if (file == null) {
      file = RunDirectory.findLog(path).orElse(null);
      if (file == null) {
        return false;
      }
    }
    long size;
    long modified;
    try {
      if (!Files.exists(file)) {
        return false;
      }
      size = Files.size(file);
      modified = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return false; // the file is being replaced; try again next time
    }
    if (size == 0 || (size == seenSize && modified == seenModified)) {
      return false;
    }
    boolean changed;
    if (seenSize < 0) {
      jsonLines = CockpitLogReader.layout(file) == CockpitLogReader.Layout.JSON_LINES;
    }
    if (jsonLines && size >= position) {
      changed = tail(size);
    } else {
      changed = reread();
    }
    seenSize = size;
    seenModified = modified;
    if (changed) {
      version++;
    }
    return changed;
  }

  /** The data read so far (a copy, safe to use while the log keeps growing). */
  public synchronized RunData snapshot() {
    CockpitLog copy = new CockpitLog();
    log.steps().forEach(copy::putAll);
    return new RunData(name, copy, metadata);
  }

  private boolean reread() {
    CockpitLog fresh = new CockpitLog();
    CockpitLog read;
    try {
      read = CockpitLogReader.read(file);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return false; // half-written original log; the next refresh reads it whole
    }
    read.steps()
        .forEach(
            (step, values) ->
                values.forEach(
                    (key, value) -> {
                      if (!SKIPPED_KEYS.contains(key)) {
                        fresh.put(step, key, value);
                      }
                    }));
    log = fresh;
    metadata = jsonLines ? CockpitLogReader.metadata(file) : Map.of();
    position = 0;
    if (jsonLines) {
      try {
        position = Files.size(file);
      } catch (IOException e) {
        position = 0;
      }
    }
    return true;
  }

  private boolean tail(long size) {
    if (size == position) {
      return false;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(position);
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, size - position));
    } catch (IOException e) {
      return false;
    }
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end == 0) {
      return false; // no complete line yet
    }
    String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
    boolean changed = false;
    for (String line : text.split("\n")) {
      changed |= line(line.strip());
    }
    position += end;
    return changed;
  }

  private boolean line(String line) {
    if (line.isEmpty()) {
      return false;
    }
    JsonNode record;
    try {
      record = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return false; // a damaged line; skip it as the reader skips a cut-off last line
    }
    if (record.has(JsonLinesLog.HEADER_KEY)) {
      Object values = LogValues.fromJson(record.get("metadata"));
      if (values instanceof Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        metadata = copy;
      }
      return true;
    }
    if (!record.has("step") || !record.has("values")) {
      return false;
    }
    int step = record.get("step").asInt();
    JsonNode values = record.get("values");
    Iterator<String> names = values.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!SKIPPED_KEYS.contains(key)) {
        log.put(step, key, LogValues.fromJson(values.get(key)));
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "RunLog[" + name + " at " + path + "]";
  }
}
