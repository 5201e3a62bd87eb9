package org.cockpit4j.examples.experiment.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cockpit4j.train.StepMetrics;

/**
 * {@code metrics.jsonl}: one JSON object per training step (step, mini-batch loss, learning rate,
 * step time) and per evaluation, flushed per line.
 */
final class MetricsFile implements AutoCloseable {
  static final String FILE = "metrics.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final BufferedWriter writer;

  MetricsFile(Path file) {
    this(file, false);
  }

  /** Creates (or truncates) {@code file}, or with {@code append} continues after its last line. */
  MetricsFile(Path file, boolean append) {
    this.file = file;
    try {
      this.writer =
          append
              ? Files.newBufferedWriter(
                  file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)
              : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + file, e);
    }
  }

  void step(StepMetrics metrics) {
    ObjectNode line = JSON.createObjectNode();
    line.put("step", metrics.globalStep());
    line.put("loss", metrics.loss());
    line.put("learning_rate", metrics.learningRate());
    line.put("batch_size", metrics.batchSize());
    line.put("step_ms", metrics.stepMilliseconds());
    write(line);
  }

  void evaluation(int step, Map<String, Double> values) {
    ObjectNode line = JSON.createObjectNode();
    line.put("step", step);
    values.forEach(line::put);
    write(line);
  }

  private void write(ObjectNode line) {
    try {
      writer.write(JSON.writeValueAsString(line));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close " + file, e);
    }
  }
}
