package org.cockpit4j.examples.cli;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cockpit4j.examples.experiment.ExperimentRunner;
import org.cockpit4j.examples.experiment.config.ConfigOverride;
import org.cockpit4j.examples.experiment.run.ExperimentRun;
import org.cockpit4j.examples.experiment.run.RunResult;
import org.cockpit4j.examples.experiment.run.RunSettings;
import org.cockpit4j.train.PeakHeap;

/**
 * {@code cockpit bench --long-run STEPS}: runs the shipped long-run experiment ({@code
 * long_run.yaml}: a small MLP, the economy preset on a logarithmic schedule) for {@code STEPS}
 * steps into a temporary directory and reports the heap in use after a garbage collection at the
 * start and at the end (the run's result, with the Cockpit's whole log, still held), the peak heap
 * during the run, the sizes of the streamed logs and the wall time. A bounded run keeps the end
 * heap near the start heap and the Cockpit log's size independent of {@code STEPS}.
 *
 * @param steps steps run
 * @param seconds wall time of the run
 * @param heapStartBytes heap in use after a collection before the run
 * @param heapEndBytes heap in use after a collection after the run, its result still referenced
 * @param peakHeapBytes the heap pools' peak use during the run (garbage included)
 * @param cockpitLogBytes size of {@code cockpit.jsonl}
 * @param metricsBytes size of {@code metrics.jsonl}
 * @param trackedSteps steps the Cockpit's log holds values for
 */
record LongRunBenchmark(
    int steps,
    double seconds,
    long heapStartBytes,
    long heapEndBytes,
    long peakHeapBytes,
    long cockpitLogBytes,
    long metricsBytes,
    int trackedSteps) {

  private static final String EXPERIMENT = "long_run.yaml";

  /** Runs the long-run experiment for {@code steps} steps. */
  static LongRunBenchmark run(int steps) throws IOException {
    if (steps <= 0) {
      throw new IllegalArgumentException(
          "--long-run needs a positive number of steps, got " + steps);
    }
    Path directory = Files.createTempDirectory("cockpit-long-run");
    try {
      Path file = directory.resolve(EXPERIMENT);
      try (InputStream in = LongRunBenchmark.class.getResourceAsStream(EXPERIMENT)) {
        Files.copy(in, file);
      }
      Path out = directory.resolve("run");
      List<ConfigOverride> overrides =
          List.of(
              ConfigOverride.set("training.steps", IntNode.valueOf(steps), "--long-run"),
              ConfigOverride.set("output.directory", TextNode.valueOf(out.toString()), "bench"));
      long heapStart = heapInUse();
      PeakHeap peak = PeakHeap.start();
      long start = System.nanoTime();
      RunResult result = ExperimentRunner.run(file, overrides, null, RunSettings.quiet()).get(0);
      double seconds = (System.nanoTime() - start) / 1e9;
      long peakBytes = peak.bytes();
      long heapEnd = heapInUse();
      int tracked = result.log().steps().size();
      return new LongRunBenchmark(
          result.stepsRun(),
          seconds,
          heapStart,
          heapEnd,
          peakBytes,
          Files.size(out.resolve(ExperimentRun.JSON_LINES_LOG)),
          Files.size(out.resolve("metrics.jsonl")),
          tracked);
    } finally {
      deleteRecursively(directory);
    }
  }

  /** Heap in use after a garbage collection. */
  private static long heapInUse() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the long-run directory " + directory, e);
    }
  }

  /** One line for the console. */
  String describe() {
    return String.format(
        "long run: %d steps in %.1f s; heap after GC %.1f MiB at the start, %.1f MiB at the end"
            + " (peak %.0f MiB); cockpit.jsonl %.1f KiB for %d logged steps, metrics.jsonl %.1f KiB",
        steps,
        seconds,
        heapStartBytes / 1048576.0,
        heapEndBytes / 1048576.0,
        peakHeapBytes / 1048576.0,
        cockpitLogBytes / 1024.0,
        trackedSteps,
        metricsBytes / 1024.0);
  }

  /** The JSON object of {@code --json}. */
  ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("long_run_steps", steps);
    node.put("seconds", seconds);
    node.put("heap_start_bytes", heapStartBytes);
    node.put("heap_end_bytes", heapEndBytes);
    node.put("peak_heap_bytes", peakHeapBytes);
    node.put("cockpit_jsonl_bytes", cockpitLogBytes);
    node.put("metrics_jsonl_bytes", metricsBytes);
    node.put("logged_steps", trackedSteps);
    return node;
  }
}
