package org.cockpit4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cockpit4j.checkpoint.Checkpoint;
import org.cockpit4j.checkpoint.CheckpointStore;
import org.cockpit4j.checkpoint.StateReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cockpit run --resume DIR}: a run killed with SIGKILL in the middle of training (a child
 * JVM, {@link Process#destroyForcibly()}) and resumed from its newest checkpoint ends with the same
 * parameters, optimizer state and logged values, bit for bit, as an uninterrupted run: shuffled
 * batches with a smaller last batch, dropout, Adam, evaluations, and the stateful quantities
 * (Alpha, UpdateSize, Distance, HessMaxEV, GradHist1d/2d, the Monte-Carlo curvature of TICDiag).
 * Only wall-clock values differ: {@code Time} in the Cockpit's logs, {@code step_ms} in {@code
 * metrics.jsonl}.
 */
class ResumeTest {
  private static final String EXPERIMENT =
      """
      name: resumable
      seed: 3
      data:
        dataset: {type: class_templates, samples: 90}
        batch_size: 16
        drop_last: false
      model:
        layers: [{type: flatten}, {type: linear, in: 64, out: 8}, {type: tanh}, {type: dropout, p: 0.25}, {type: linear, in: 8, out: 4}]
      loss: cross_entropy
      optimizer: {type: adam, lr: 0.01}
      training: {steps: 100000, checkpoint: {every: 8}}
      cockpit:
        quantities:
          - {type: Loss}
          - {type: GradNorm}
          - {type: Alpha}
          - {type: Distance}
          - {type: UpdateSize}
          - {type: Time}
          - {type: HessMaxEV, schedule: {interval: 4}}
          - {type: GradHist1d, schedule: {interval: 3}}
          - {type: GradHist2d, schedule: {interval: 5}}
          - {type: TICDiag, schedule: {interval: 4}, options: {curvature: diag_ggn_mc}}
      evaluation: {every: 15, train_samples: 40, valid_samples: 20}
      output: {figure: false}
      """;
  private static final int STEPS = 40;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

  @TempDir Path directory;

  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = CockpitCli.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path experiment() throws IOException {
    Path file = directory.resolve("resumable.yaml");
    Files.writeString(file, EXPERIMENT);
    return file;
  }

  @Test
  @Timeout(180)
  void aKilledRunResumesToTheUninterruptedRunBitForBit() throws Exception {
    Path file = experiment();
    Path killed = directory.resolve("killed");
    int newest = runAndKill(file, killed);
    assertTrue(newest >= 16 && newest < STEPS, "newest checkpoint before the kill: " + newest);
    // The Cockpit's stored values are not in the checkpoint (cockpit.jsonl holds them), so its
    // size does not grow with the log.
    String checkpointJson =
        Files.readString(
            killed
                .resolve("checkpoints")
                .resolve(String.format("step-%08d", newest))
                .resolve("checkpoint.json"));
    assertFalse(checkpointJson.contains("\"log\""), "the checkpoint holds the Cockpit's log");

    Path reference = directory.resolve("reference");
    assertEquals(
        0,
        execute(
            "run",
            file.toString(),
            "--out",
            reference.toString(),
            "--steps",
            "" + STEPS,
            "--quiet"),
        err.toString());
    assertEquals(
        0,
        execute("run", "--resume", killed.toString(), "--steps", "" + STEPS, "--quiet"),
        err.toString());

    assertEquals(
        withoutWallClock(reference.resolve("cockpit.jsonl"), "values", "Time"),
        withoutWallClock(killed.resolve("cockpit.jsonl"), "values", "Time"));
    assertEquals(
        withoutWallClock(reference.resolve("metrics.jsonl"), null, "step_ms"),
        withoutWallClock(killed.resolve("metrics.jsonl"), null, "step_ms"));
    assertEquals(originalLog(reference), originalLog(killed));
    assertSameTrainingState(reference, killed);

    JsonNode summary = JSON.readTree(killed.resolve("summary.json").toFile());
    assertEquals(STEPS, summary.get("steps").asInt());
    assertEquals(newest, summary.get("resumed_from_step").asInt());
    assertEquals(
        JSON.readTree(reference.resolve("summary.json").toFile()).get("final_loss"),
        summary.get("final_loss"));
    JsonNode provenance = JSON.readTree(killed.resolve("provenance.json").toFile());
    assertEquals("finished", provenance.get("status").asText());
    assertEquals(newest, provenance.get("resumed_from").get("step").asInt());
  }

  /**
   * Starts {@code cockpit run} in a child JVM and kills it a few steps after its second checkpoint
   * (so that resuming cuts its logs back); returns the step of the newest complete checkpoint.
   */
  private int runAndKill(Path file, Path out) throws Exception {
    Process process = ChildCockpit.startRun(file, out, directory.resolve("console.txt"));
    CheckpointStore store = new CheckpointStore(out.resolve("checkpoints"), 2);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (store.checkpoints().size() < 2
          || stepLines(out.resolve("metrics.jsonl"))
              < CheckpointStore.step(store.latest().orElseThrow()) + 3) {
        assertTrue(
            process.isAlive(),
            "the run ended early: " + Files.readString(directory.resolve("console.txt")));
        assertTrue(
            System.nanoTime() < deadline, "the run did not pass its second checkpoint in 120 s");
        Thread.sleep(10);
      }
    } finally {
      process.destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }
    return CheckpointStore.step(store.latest().orElseThrow());
  }

  private static long stepLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    return Files.readAllLines(file).stream().filter(line -> line.contains("\"loss\"")).count();
  }

  /**
   * Every line of a JSON Lines file with the wall-clock key removed (in {@code inside}, if set).
   */
  private static List<String> withoutWallClock(Path file, String inside, String key)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode node = JSON.readTree(line);
      ObjectNode holder = (ObjectNode) (inside == null ? node : node.get(inside));
      if (holder != null) {
        holder.remove(key);
      }
      lines.add(node.toString());
    }
    return lines;
  }

  private static JsonNode originalLog(Path run) throws IOException {
    JsonNode log = JSON.readTree(run.resolve("cockpit.json").toFile());
    log.forEach(values -> ((ObjectNode) values).remove("Time"));
    return log;
  }

  /** The final checkpoints hold the same parameters and optimizer state, bit for bit. */
  private static void assertSameTrainingState(Path reference, Path resumed) {
    Checkpoint expected = new CheckpointStore(reference.resolve("checkpoints"), 2).readLatest(null);
    Checkpoint actual = new CheckpointStore(resumed.resolve("checkpoints"), 2).readLatest(null);
    assertEquals(STEPS, expected.step());
    assertEquals(STEPS, actual.step());
    StateReader expectedTrainer = expected.state().child("trainer");
    StateReader actualTrainer = actual.state().child("trainer");
    List<StateReader> expectedParameters = expectedTrainer.list("parameters");
    List<StateReader> actualParameters = actualTrainer.list("parameters");
    assertEquals(expectedParameters.size(), actualParameters.size());
    assertFalse(expectedParameters.isEmpty());
    for (int i = 0; i < expectedParameters.size(); i++) {
      assertArrayEquals(
          bits(expectedParameters.get(i).getDoubles("value")),
          bits(actualParameters.get(i).getDoubles("value")),
          expectedParameters.get(i).getString("name"));
    }
    StateReader expectedMoments = expectedTrainer.child("optimizer").child("buffers");
    StateReader actualMoments = actualTrainer.child("optimizer").child("buffers");
    assertEquals(expectedMoments.keys(), actualMoments.keys());
    for (String buffer : expectedMoments.keys()) {
      for (String index : expectedMoments.child(buffer).keys()) {
        assertArrayEquals(
            bits(expectedMoments.child(buffer).getDoubles(index)),
            bits(actualMoments.child(buffer).getDoubles(index)),
            buffer + " " + index);
      }
    }
  }

  private static final String SMALL =
      """
      name: small
      data:
        dataset: {type: class_templates, samples: 64}
        batch_size: 8
      model:
        layers: [{type: flatten}, {type: linear, in: 64, out: 4}]
      loss: cross_entropy
      optimizer: {type: sgd, lr: 0.1}
      training: {steps: 4, checkpoint: {every: 2}}
      cockpit: {quantities: [{type: Loss}, {type: Alpha}]}
      output: {figure: false, diagnosis: false}
      """;

  @Test
  void mistakesExitWithTwoNamingTheProblemAndTheFix() throws Exception {
    Path file = directory.resolve("small.yaml");
    Files.writeString(file, SMALL);
    Path run = directory.resolve("run");
    assertEquals(
        0, execute("run", file.toString(), "--out", run.toString(), "--quiet"), err.toString());
    Path checkpoints = run.resolve("checkpoints");
    assertTrue(Files.isDirectory(checkpoints.resolve("step-00000004")));

    assertFails(List.of("run", "--quiet"), "needs an experiment file");
    assertFails(
        List.of("run", "--resume", directory.resolve("nowhere").toString()), "no such directory");
    Path empty = Files.createDirectories(directory.resolve("empty"));
    assertFails(List.of("run", "--resume", empty.toString()), "there is no checkpoint in");
    assertFails(List.of("run", "--resume", run.toString()), "Nothing to resume");
    assertFails(
        List.of("run", "--resume", run.toString(), "--steps", "6", "--set", "optimizer.lr=0.5"),
        "optimizer.lr: 0.1 in the checkpoint, 0.5 now");
    Path other = directory.resolve("other.yaml");
    Files.writeString(other, SMALL.replace("name: small", "name: other"));
    assertFails(
        List.of("run", other.toString(), "--resume", run.toString(), "--steps", "6"),
        "name: \"small\" in the checkpoint, \"other\" now");
    assertFails(
        List.of("run", "--resume", run.toString(), "--out", directory.toString()),
        "--out does not apply");

    Path arrays = checkpoints.resolve("step-00000004").resolve(CheckpointStore.ARRAYS_FILE);
    Files.write(arrays, new byte[] {1, 2, 3});
    assertFails(
        List.of("run", "--resume", run.toString(), "--steps", "6"), arrays + " has 3 bytes");
    assertTrue(err.toString().contains("delete " + arrays.getParent()), err.toString());

    // after deleting the corrupt checkpoint, the run resumes from the one before
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(
        () -> {
          try (var files = Files.list(arrays.getParent())) {
            for (Path entry : files.toList()) {
              Files.delete(entry);
            }
          }
          Files.delete(arrays.getParent());
        });
    assertEquals(
        0, execute("run", "--resume", run.toString(), "--steps", "6", "--quiet"), err.toString());
    JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
    assertEquals(6, summary.get("steps").asInt());
    assertEquals(2, summary.get("resumed_from_step").asInt());
  }

  private void assertFails(List<String> args, String message) {
    err.getBuffer().setLength(0);
    int code = execute(args.toArray(String[]::new));
    assertEquals(2, code, args + ": " + err);
    assertTrue(err.toString().contains(message), args + ": " + err);
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }
}
