package org.cockpit4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.CockpitLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code cockpit run} (a child JVM, SIGKILL through {@link Process#destroyForcibly()})
 * in the middle of training: the JSON Lines log and the metrics file stay valid up to the last
 * completed step (at most the line being written when the process died is cut), and every step
 * before the last holds all its quantities.
 */
class CrashSafetyTest {
  private static final String EXPERIMENT =
      """
      name: killed
      data:
        dataset: {type: class_templates, samples: 256}
        batch_size: 16
      model:
        layers: [{type: flatten}, {type: linear, in: 64, out: 8}, {type: relu}, {type: linear, in: 8, out: 4}]
      loss: cross_entropy
      optimizer: {type: sgd, lr: 0.05}
      training: {steps: 100000}
      cockpit:
        quantities: [{type: Loss}, {type: GradNorm}, {type: Alpha}, {type: Distance}, {type: UpdateSize}]
      evaluation: {every: 0}
      output: {figure: false, diagnosis: false, original_log: false}
      """;
  private static final Set<String> EVERY_STEP = Set.of("Loss", "GradNorm", "Distance");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

  @Test
  @Timeout(120)
  void aKilledRunLeavesValidLogsUpToTheLastCompletedStep(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("killed.yaml");
    Files.writeString(file, EXPERIMENT);
    Path out = directory.resolve("out");
    Process process = ChildCockpit.startRun(file, out, directory.resolve("console.txt"));
    Path log = out.resolve("cockpit.jsonl");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (lines(log) < 60) {
        assertTrue(
            process.isAlive(),
            "the run ended early: " + Files.readString(directory.resolve("console.txt")));
        assertTrue(System.nanoTime() < deadline, "the run did not log 60 lines in 90 s");
        Thread.sleep(20);
      }
    } finally {
      process.destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }
    assertCompleteUpToTheLastLine(log);
    assertCompleteUpToTheLastLine(out.resolve("metrics.jsonl"));

    CockpitLog read = CockpitLogReader.read(log);
    int last = read.steps().lastKey();
    assertTrue(last >= 10, "steps logged before the kill: " + last);
    for (String key : EVERY_STEP) {
      SortedMap<Integer, Object> column = read.column(key);
      for (int step = 0; step < last; step++) {
        assertTrue(column.containsKey(step), key + " missing at step " + step + " of " + last);
      }
    }
    assertEquals(
        "running", JSON.readTree(out.resolve("provenance.json").toFile()).get("status").asText());
  }

  /** Every line parses as JSON, except possibly a last one cut without its newline. */
  private static void assertCompleteUpToTheLastLine(Path file) throws IOException {
    String text = Files.readString(file);
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      boolean cut = i == lines.size() - 1 && !text.endsWith("\n");
      try {
        JsonNode node = JSON.readTree(lines.get(i));
        assertTrue(node.isObject(), file + " line " + (i + 1));
      } catch (IOException e) {
        assertTrue(cut, file + " line " + (i + 1) + " is not valid JSON: " + e.getMessage());
      }
    }
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (var stream = Files.lines(file)) {
      return stream.count();
    } catch (java.io.UncheckedIOException e) {
      return 0;
    }
  }
}
