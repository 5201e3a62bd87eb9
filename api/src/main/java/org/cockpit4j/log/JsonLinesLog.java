package org.cockpit4j.log;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The streamed log: JSON Lines, one object per line, flushed after every record, so a killed run
 * keeps everything up to its last tracked step.
 *
 * <pre>
 * {"cockpit4j_log":1,"metadata":{...}}          header (first line)
 * {"step":3,"values":{"GradNorm":[...],"Loss":0.52}}
 * {"step":2,"values":{"Alpha":-0.3}}             a two-step value, written when step 3 was tracked
 * </pre>
 *
 * Values use the original's encoding ({@link LogValues#toLogJson}: numpy arrays as {@code
 * __ndarray__} objects); non-finite numbers are written as the bare tokens {@code NaN}, {@code
 * Infinity}, {@code -Infinity} (as Python's json writes and reads them). Several records may carry
 * the same step; readers merge them ({@link CockpitLogReader}).
 */
public final class JsonLinesLog implements LogSink {
  /** The header key that identifies the format, with the format version as value. */
  public static final String HEADER_KEY = "cockpit4j_log";

  private final Path file;
  private final BufferedWriter writer;

  private JsonLinesLog(Path file, BufferedWriter writer) {
    this.file = file;
    this.writer = writer;
  }

  /**
   * Creates (or truncates) {@code file}, creating its parent directories, and writes the header
   * with {@code metadata} (e.g. the quantities, schedule, optimizer; may be empty).
   */
  public static JsonLinesLog create(Path file, Map<String, ?> metadata) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      JsonLinesLog log = new JsonLinesLog(file, writer);
      ObjectNode header = JsonNodeFactory.instance.objectNode();
      header.put(HEADER_KEY, 1);
      header.set("metadata", LogValues.toLogJson(new TreeMap<>(metadata)));
      log.line(header);
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the Cockpit log " + file, e);
    }
  }

  /**
   * Opens an existing log to append records after its last line (no new header), e.g. when a run
   * resumes from a checkpoint after the file was cut back to the checkpoint's length.
   */
  public static JsonLinesLog append(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(
          new IOException("Cannot append to the Cockpit log " + file + ": it does not exist"));
    }
    try {
      BufferedWriter writer =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
      return new JsonLinesLog(file, writer);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the Cockpit log " + file + " to append", e);
    }
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void write(int step, Map<String, Object> values) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("step", step);
    record.set("values", LogValues.toLogJson(new TreeMap<>(values)));
    line(record);
  }

  private void line(ObjectNode node) {
    try {
      JsonText.writeCompact(node, writer, true);
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to the Cockpit log " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the Cockpit log " + file, e);
    }
  }
}
