package org.cockpit4j.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cockpit4j.examples.experiment.run.ExperimentRun;
import org.cockpit4j.examples.experiment.run.RunResult;
import org.cockpit4j.examples.experiment.run.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long runs on a logarithmic schedule keep the Cockpit's log (on disk and in memory) bounded by the
 * schedule, not by the number of steps. The fast variant (3,000 steps) is part of the default
 * suite; the 20,000-step one also bounds the heap and runs with {@code -Dcockpit4j.long=true}.
 */
class LongRunTest {
  private static final String EXPERIMENT =
      """
      name: long
      data:
        dataset: {type: class_templates, samples: 256}
        batch_size: 16
      model:
        layers: [{type: flatten}, {type: linear, in: 64, out: 8}, {type: relu}, {type: linear, in: 8, out: 4}]
      loss: cross_entropy
      optimizer: {type: sgd, lr: 0.05}
      training: {steps: STEPS}
      cockpit:
        preset: economy
        schedule: {type: logarithmic, start: 0, end: END, steps: 60}
      evaluation: {every: EVERY, train_samples: 64, valid_samples: 64}
      """;

  private static RunResult run(Path directory, int steps, String end) throws IOException {
    Path file = directory.resolve("long.yaml");
    Files.writeString(
        file,
        EXPERIMENT
            .replace("STEPS", Integer.toString(steps))
            .replace("END", end)
            .replace("EVERY", Integer.toString(steps / 4)));
    List<RunResult> results =
        ExperimentRunner.run(
            file, Experiments.overrides(directory.resolve("out")), null, RunSettings.quiet());
    return results.get(0);
  }

  /**
   * At most four log lines per tracked step (the quantities, Alpha and UpdateSize a step later, the
   * learning rate, a second two-step line) and six per evaluation, plus the header: a bound by the
   * schedule, independent of the number of steps.
   */
  private static void assertBoundedLog(Path directory, RunResult result, int steps)
      throws IOException {
    assertEquals(steps, result.stepsRun());
    int tracked = 60; // the schedule's points (fewer after rounding)
    int evaluated = 5 * 6; // step 0 and 4 more: epoch_count, losses, accuracies, learning rate
    long lines;
    try (var stream = Files.lines(directory.resolve("out").resolve(ExperimentRun.JSON_LINES_LOG))) {
      lines = stream.count();
    }
    assertTrue(lines <= 1 + 4 * tracked + evaluated, "cockpit.jsonl has " + lines + " lines");
    // tracked steps and the steps after them (where two-step quantities finish), evaluations
    int logged = result.log().steps().size();
    assertTrue(logged <= 2 * tracked + 5, "the in-memory log holds " + logged + " steps");
  }

  @Test
  void aLogarithmicScheduleBoundsTheLogOver3000Steps(@TempDir Path directory) throws IOException {
    RunResult result = run(directory, 3000, "3.48");
    assertBoundedLog(directory, result, 3000);
  }

  @Test
  @EnabledIfSystemProperty(named = "cockpit4j.long", matches = "true")
  void twentyThousandStepsKeepHeapAndLogBounded(@TempDir Path directory) throws IOException {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    RunResult result = run(directory, 20_000, "4.3");
    assertBoundedLog(directory, result, 20_000);
    System.gc();
    long after = runtime.totalMemory() - runtime.freeMemory();
    assertTrue(after - before < 64L << 20, "heap grew by " + (after - before) + " bytes");
  }
}
