package org.cockpit4j.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.Backends;
import org.cockpit4j.backend.GemmBenchmark;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.extension.ExtensionBenchmark;
import org.cockpit4j.extension.ExtensionSet;
import org.cockpit4j.quantity.Configuration;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.train.BatchSource;
import org.cockpit4j.train.StepMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cockpit bench}: median milliseconds per training step of a DeepOBS problem, or GEMM
 * GFLOP/s. With {@code --json} the last line of output is one JSON object for scripts.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks a training step (median ms over --steps timed steps after warm-up) or GEMM.",
      "Timings are medians; the machine may be shared, so compare ratios measured in one run."
    })
final class BenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--problem",
      defaultValue = "mnist_mlp",
      description = "logreg, mnist_mlp, fmnist_2c2d, cifar10_3c3d, cifar100_allcnnc")
  String problem;

  @Option(
      names = "--config",
      defaultValue = "plain",
      description = {
        "plain: an ordinary training step; economy, business or full: the step with the",
        "original's Cockpit configuration, timed against a plain step in the same run"
      })
  String config;

  @Option(
      names = "--interval",
      defaultValue = "1",
      description = "track every K-th step (linear schedule) with --config economy|business|full")
  int interval;

  @Option(names = "--steps", defaultValue = "30", description = "timed steps")
  int steps;

  @Option(names = "--warmup", defaultValue = "5", description = "untimed warm-up steps")
  int warmup;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "5",
      description = {
        "with --config economy|business|full: warm up for at least this long too, so that the",
        "JIT has compiled the Cockpit's kernels (as in a long run) before the timed steps"
      })
  double warmupSeconds;

  @Option(names = "--batch-size", defaultValue = "128")
  int batchSize;

  @Option(names = "--dtype", defaultValue = "float32", description = "float32 or float64")
  String dtype;

  @Option(names = "--backend", defaultValue = "cpu", description = "cpu, opencl or auto")
  String backendName;

  @Option(names = "--threads", description = "CPU threads (default: all cores)")
  Integer threads;

  @Option(names = "--seed", defaultValue = "0")
  long seed;

  @Option(
      names = "--extensions",
      paramLabel = "LIST",
      description = {
        "time one backward pass with these extensions (e.g. batch_l2,sum_grad_squared,batch_dot)",
        "against a plain backward pass, instead of a training step"
      })
  String extensions;

  @Option(names = "--gemm", description = "benchmark an N×N×N matrix product instead")
  Integer gemm;

  @Option(
      names = "--long-run",
      paramLabel = "STEPS",
      description = {
        "run the shipped long-run experiment (small MLP, economy preset on a logarithmic",
        "schedule) for STEPS steps and report heap at start and end, peak heap and log sizes"
      })
  Integer longRun;

  @Option(names = "--json", description = "end with one JSON line")
  boolean json;

  @Option(
      names = "--breakdown",
      description = {
        "with --config economy|business|full: also print where the time goes, median ms per",
        "phase (forward, backward pass with each extension rule, each quantity, optimizer)"
      })
  boolean breakdown;

  @Override
  public Integer call() throws Exception {
    if (longRun != null) {
      LongRunBenchmark run = LongRunBenchmark.run(longRun);
      System.out.println(run.describe());
      if (json) {
        System.out.println(JSON.writeValueAsString(run.toJson()));
      }
      return 0;
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("--steps must be positive, got " + steps);
    }
    try (Backend backend = Backends.create(backendName, backendOptions())) {
      ObjectNode result;
      if (gemm != null) {
        result = benchGemm(backend);
      } else if (extensions != null) {
        result = benchExtensions(backend);
      } else {
        result = benchTraining(backend);
      }
      if (json) {
        System.out.println(JSON.writeValueAsString(result));
      }
    }
    return 0;
  }

  private Map<String, String> backendOptions() {
    return threads == null ? Map.of() : Map.of("threads", threads.toString());
  }

  private ObjectNode benchGemm(Backend backend) {
    if (gemm <= 0) {
      throw new IllegalArgumentException("--gemm needs a positive size, got " + gemm);
    }
    ObjectNode result = JSON.createObjectNode();
    ArrayNode rows = result.putArray("gemm");
    for (DType type : DType.values()) {
      if (!backend.supports(type)) {
        continue;
      }
      double gflops = GemmBenchmark.gflops(backend, gemm, type, Math.max(3, Math.min(steps, 10)));
      System.out.printf("gemm %d³ %s on %s: %.1f GFLOP/s%n", gemm, type, backend.name(), gflops);
      rows.addObject().put("n", gemm).put("dtype", type.toString()).put("gflops", gflops);
    }
    result.put("backend", backend.name());
    return result;
  }

  private ObjectNode benchCockpit(Backend backend) {
    Configuration.of(config); // fails naming the known labels
    if (interval <= 0) {
      throw new IllegalArgumentException("--interval must be positive, got " + interval);
    }
    DType type = DType.parse(dtype);
    try (BenchProblem plain = BenchProblem.create(problem, backend, type, batchSize, seed);
        BenchProblem tracked = BenchProblem.create(problem, backend, type, batchSize, seed);
        Cockpit cockpit =
            Cockpit.configuration(tracked.model.network(), config, Schedules.linear(interval, 0))) {
      cockpit.attachTo(tracked.trainer);
      StepBreakdown plainBreakdown = null;
      StepBreakdown trackedBreakdown = null;
      if (breakdown) {
        plainBreakdown = new StepBreakdown();
        plainBreakdown.attach(plain.trainer, plain.trainer.backwardStrategy());
        trackedBreakdown = new StepBreakdown();
        trackedBreakdown.attach(tracked.trainer, cockpit);
        cockpit.setTimings(trackedBreakdown.timings());
      }
      OverheadRun run =
          OverheadRun.measure(
              plain, tracked, warmup, warmupSeconds, steps, plainBreakdown, trackedBreakdown);
      System.out.printf(
          "%s %s (interval %d) on %s (%s, batch %d): median %.2f ms per step, plain %.2f ms:"
              + " %.2f× (peak heap %.0f MiB, plain %.0f MiB)%n",
          problem,
          config,
          interval,
          backend.name(),
          type,
          batchSize,
          run.trackedMedian(),
          run.plainMedian(),
          run.ratio(),
          run.trackedPeakHeap() / 1048576.0,
          run.plainPeakHeap() / 1048576.0);
      if (!cockpit.refusedQuantities().isEmpty()) {
        System.out.println("Refused quantities: " + cockpit.refusedQuantities());
      }
      ObjectNode result = JSON.createObjectNode();
      if (breakdown) {
        printBreakdown(plainBreakdown.medians(), trackedBreakdown, result);
      }
      result.put("problem", problem);
      result.put("config", config);
      result.put("interval", interval);
      result.put("steps", steps);
      result.put("median_ms", run.trackedMedian());
      result.put("plain_median_ms", run.plainMedian());
      result.put("ratio", run.ratio());
      result.put("peak_heap_bytes", run.trackedPeakHeap());
      result.put("plain_peak_heap_bytes", run.plainPeakHeap());
      result.put("backend", backend.name());
      result.put("dtype", type.toString());
      result.put("batch_size", batchSize);
      return result;
    }
  }

  /** Prints the medians per phase, plain against tracked, and adds them to {@code result}. */
  private static void printBreakdown(
      Map<String, Double> plain, StepBreakdown trackedBreakdown, ObjectNode result) {
    Map<String, Double> tracked = trackedBreakdown.medians();
    double plainStep = plain.get(StepBreakdown.TOTAL);
    System.out.printf(
        "Breakdown (median ms per step; a phase includes the phases indented below it):%n");
    System.out.printf("  %-64s %9s %9s %7s %7s%n", "phase", "plain", "tracked", "×plain", "calls");
    ObjectNode node = result.putObject("breakdown_ms");
    java.util.Set<String> phases = new java.util.LinkedHashSet<>(plain.keySet());
    phases.addAll(tracked.keySet());
    for (String phase : phases) {
      Double plainMs = plain.get(phase);
      Double trackedMs = tracked.get(phase);
      int depth = phase.split(" / ").length - 1;
      String name = "  ".repeat(depth) + phase.substring(phase.lastIndexOf("/") + 1).strip();
      double calls = trackedBreakdown.callsPerStep(phase);
      System.out.printf(
          "  %-64s %9s %9s %7.2f %7s%n",
          name,
          plainMs == null ? "" : String.format("%.2f", plainMs),
          trackedMs == null ? "" : String.format("%.2f", trackedMs),
          (trackedMs == null ? 0 : trackedMs) / plainStep,
          calls == 0 ? "" : String.format("%.1f", calls));
      if (trackedMs != null) {
        node.put(phase, trackedMs);
      }
    }
  }

  private ObjectNode benchExtensions(Backend backend) {
    ExtensionSet set = ExtensionSet.parse(extensions);
    DType type = DType.parse(dtype);
    BenchProblem.requireKnown(problem);
    ExtensionBenchmark.Report report =
        ExtensionBenchmark.runModel(backend, problem, type, batchSize, set, warmup, steps);
    System.out.println(report.plain());
    System.out.println(report.engine());
    System.out.println(report.extended());
    System.out.printf(
        "%s [%s]: %.2f× a plain backward pass%n", problem, set, report.ratioToPlain());
    ObjectNode result = JSON.createObjectNode();
    result.put("problem", problem);
    result.put("config", "extensions");
    result.put("extensions", set.toString());
    result.put("steps", steps);
    result.put("median_ms", report.extended().medianMillis());
    result.put("plain_median_ms", report.plain().medianMillis());
    result.put("engine_median_ms", report.engine().medianMillis());
    result.put("ratio", report.ratioToPlain());
    result.put("peak_heap_bytes", report.extended().peakHeapBytes());
    result.put("plain_peak_heap_bytes", report.plain().peakHeapBytes());
    result.put("backend", backend.name());
    result.put("dtype", type.toString());
    result.put("batch_size", batchSize);
    return result;
  }

  private ObjectNode benchTraining(Backend backend) {
    if (!"plain".equals(config)) {
      return benchCockpit(backend);
    }
    DType type = DType.parse(dtype);
    try (BenchProblem bench = BenchProblem.create(problem, backend, type, batchSize, seed)) {
      BatchSource source = BatchSource.cycling(bench.batches);
      for (int i = 0; i < warmup; i++) {
        bench.trainer.step(source);
      }
      double[] milliseconds = new double[steps];
      for (int i = 0; i < steps; i++) {
        StepMetrics metrics = bench.trainer.step(source);
        milliseconds[i] = metrics.stepMilliseconds();
      }
      double median = Statistics.median(milliseconds);
      System.out.printf(
          "%s %s on %s (%s, batch %d): median %.2f ms per step over %d steps (min %.2f)%n",
          problem,
          config,
          backend.name(),
          type,
          batchSize,
          median,
          steps,
          Statistics.min(milliseconds));
      ObjectNode result = JSON.createObjectNode();
      result.put("problem", problem);
      result.put("config", config);
      result.put("steps", steps);
      result.put("median_ms", median);
      result.put("min_ms", Statistics.min(milliseconds));
      result.put("backend", backend.name());
      result.put("device", backend.deviceDescription());
      result.put("dtype", type.toString());
      result.put("batch_size", batchSize);
      result.put(
          "parameters", bench.model.network().parameters().stream().mapToLong(p -> p.size()).sum());
      return result;
    }
  }
}
