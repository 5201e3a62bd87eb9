package org.cockpit4j.examples.experiment.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.checkpoint.Checkpoint;
import org.cockpit4j.checkpoint.CheckpointException;
import org.cockpit4j.checkpoint.CheckpointStore;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.data.BatchIterator;
import org.cockpit4j.examples.experiment.ValidatedExperiment;
import org.cockpit4j.examples.experiment.config.CheckpointConfig;
import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;
import org.cockpit4j.examples.experiment.config.TrainingConfig;
import org.cockpit4j.examples.experiment.data.DataSplits;
import org.cockpit4j.examples.experiment.output.DiagnosisOutput;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.resume.ResumePoint;
import org.cockpit4j.examples.experiment.wiring.LossFactory;
import org.cockpit4j.log.CockpitLogReader;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.LearningRateSchedule;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.train.BatchSource;
import org.cockpit4j.train.Trainer;

/**
 * One run of an experiment, assembled by Guice from the parsed configuration ({@link
 * org.cockpit4j.examples.experiment.wiring.ExperimentModule}): trains with the Cockpit attached,
 * evaluates every {@code evaluation.every} steps (logged into the Cockpit's output for the
 * Performance gauge), refreshes the figure every {@code output.figure_every} steps, and writes into
 * the output directory:
 *
 * <ul>
 *   <li>{@code cockpit.jsonl}: the Cockpit's values as JSON Lines, flushed per tracked step;
 *   <li>{@code cockpit.json}: the same in the original's layout (at the end);
 *   <li>{@code metrics.jsonl}: loss, learning rate and time of every step, and the evaluations;
 *   <li>{@code summary.json}: outcome, timings, last evaluation, medians of the scalar quantities;
 *   <li>{@code provenance.json} and {@code experiment.yaml}: see {@link Provenance};
 *   <li>{@code checkpoints/step-<k>/} with {@code training.checkpoint.every} set: the training
 *       state after k steps, from which {@code cockpit run --resume DIR} continues;
 *   <li>whatever the figure, diagnosis and dashboard outputs write.
 * </ul>
 */
public final class ExperimentRun implements AutoCloseable {
  /** The JSON Lines log's file name. */
  public static final String JSON_LINES_LOG = "cockpit.jsonl";

  /** The original-layout log's file name. */
  public static final String ORIGINAL_LOG = "cockpit.json";

  /** The summary's file name. */
  public static final String SUMMARY = "summary.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ValidatedExperiment experiment;
  private final ExperimentConfig config;
  private final Backend backend;
  private final DataSplits data;
  private final Sequential model;
  private final Loss loss;
  private final Optimizer optimizer;
  private final Optional<LearningRateSchedule> schedule;
  private final Cockpit cockpit;
  private final RunDirectory directory;
  private final PluginCatalog catalog;
  private final RunSettings settings;
  private final WarningLog warnings;
  private final RunOutputs outputs;
  private final ResumePoint resume;

  /** A run of {@code experiment} with the objects its modules built. */
  @Inject
  public ExperimentRun(
      ValidatedExperiment experiment,
      Backend backend,
      DataSplits data,
      Sequential model,
      Loss loss,
      Optimizer optimizer,
      Optional<LearningRateSchedule> schedule,
      Cockpit cockpit,
      RunDirectory directory,
      PluginCatalog catalog,
      RunSettings settings,
      WarningLog warnings,
      RunOutputs outputs,
      ResumePoint resume) {
    this.experiment = experiment;
    this.config = experiment.config();
    this.backend = backend;
    this.data = data;
    this.model = model;
    this.loss = loss;
    this.optimizer = optimizer;
    this.schedule = schedule;
    this.cockpit = cockpit;
    this.directory = directory;
    this.catalog = catalog;
    this.settings = settings;
    this.warnings = warnings;
    this.outputs = outputs;
    this.resume = resume;
  }

  /** The Cockpit of this run. */
  public Cockpit cockpit() {
    return cockpit;
  }

  /**
   * Trains and writes the outputs; fails with {@link ExperimentFailedException} if training does. A
   * resumed run ({@link ResumePoint}) first restores the checkpoint's state and continues at its
   * step.
   */
  public RunResult execute() {
    PrintStream console = settings.console();
    BatchIterator batches = batches();
    int steps =
        config.training().steps() != null
            ? config.training().steps()
            : config.training().epochs() * batches.batchesPerEpoch();
    CheckpointConfig checkpoints = config.training().checkpoint();
    CheckpointStore store = ResumePoint.store(directory.path(), checkpoints.keep());
    Checkpoint checkpoint = resume.resuming() ? resume.checkpoint().onBackend(backend) : null;
    if (checkpoint != null) {
      resume.checkSteps(steps);
    }
    int firstStep = checkpoint == null ? 0 : checkpoint.step();
    int staleCheckpoints = checkpoint == null ? store.clear() : 0;
    Provenance provenance =
        new Provenance(
            directory.path(), experiment, backend, catalog, cockpit.quantities(), settings);
    if (checkpoint != null) {
      provenance.resumed(checkpoint.step(), checkpoint.directory());
    }
    console.printf(
        Locale.ROOT,
        "%s%s: %d steps of batch %d, %s (%d parameters) on %s [%s], %s, cockpit %s (%d"
            + " quantities) -> %s%n",
        config.name(),
        experiment.point().label().isEmpty() ? "" : " [" + experiment.point().label() + "]",
        steps,
        config.data().batchSize(),
        config.model().architecture() != null ? config.model().architecture() : "layers",
        model.parameterCount(),
        backend.name(),
        backend.deviceDescription(),
        optimizer.type() + " lr " + config.optimizer().lr(),
        config.cockpit().preset(),
        cockpit.quantities().size(),
        directory.path());
    outputs.notes().forEach(note -> console.println("  note: " + note));
    if (staleCheckpoints > 0) {
      console.println(
          "  note: removed "
              + staleCheckpoints
              + " checkpoint(s) of an earlier run in "
              + store.directory());
    }

    Trainer trainer = new Trainer(model, loss, optimizer);
    schedule.ifPresent(trainer::withSchedule);
    cockpit.attachTo(trainer);
    Evaluator evaluator = evaluator();
    RunProgress progress = new RunProgress();
    int perEpoch = batches.batchesPerEpoch();
    int evaluateEvery = config.evaluation().every();
    DivergenceMonitor monitor = new DivergenceMonitor(cockpit.parameters());
    if (checkpoint != null) {
      restore(checkpoint, trainer, batches, progress, monitor);
      console.printf(
          Locale.ROOT,
          "  resuming at step %d of %d from %s%n",
          checkpoint.step(),
          steps,
          checkpoint.directory());
    }
    boolean stopOnDivergence = config.training().stopOnDivergence();
    BatchSource endless = BatchSource.of(batches);
    BatchSource source = step -> stopOnDivergence && monitor.diverged() ? null : endless.next(step);
    try (MetricsFile metrics =
        new MetricsFile(directory.file(MetricsFile.FILE), checkpoint != null)) {
      ProgressBar bar = new ProgressBar(console, settings.interactive(), steps, firstStep);
      if (evaluator != null && checkpoint == null) {
        evaluate(evaluator, 0, perEpoch, metrics, progress.lastEvaluation);
      }
      trainer.addListener(
          step -> {
            int done = step.globalStep() + 1;
            progress.step(step);
            metrics.step(step);
            if (cockpit.isTracked(step.globalStep())
                || (evaluator != null && (done % evaluateEvery == 0 || done == steps))) {
              // at tracked and evaluated steps only: a sparse (logarithmic) schedule keeps the
              // Cockpit's log and its memory bounded however long the run (metrics.jsonl has
              // every step)
              cockpit.record(step.globalStep(), "learning_rate", step.learningRate());
            }
            monitor.afterStep(step.globalStep(), step.loss(), cockpit.output());
            if (monitor.diverged() && !progress.divergenceReported) {
              progress.divergenceReported = true;
              DivergenceMonitor.Divergence divergence = monitor.divergence();
              cockpit.record(
                  divergence.step(), DiagnosisOutput.DIVERGENCE_KEY, divergence.describe());
              bar.interrupt();
              console.println(
                  "diverged: "
                      + divergence.describe()
                      + (stopOnDivergence
                          ? "; training stops (on_divergence: stop)"
                          : "; training goes on (on_divergence: continue)"));
            }
            if (stopOnDivergence && monitor.diverged()) {
              return;
            }
            if (evaluator != null && (done % evaluateEvery == 0 || done == steps)) {
              evaluate(evaluator, done, perEpoch, metrics, progress.lastEvaluation);
            }
            bar.update(step);
            if (checkpoints.enabled() && done % checkpoints.every() == 0) {
              saveCheckpoint(store, done, trainer, batches, progress, monitor);
            }
          });
      trainer.run(source, Math.max(0, steps - firstStep));
    } catch (RuntimeException e) {
      provenance.failed(e);
      closeQuietly();
      if (e instanceof ConfigException || e instanceof CheckpointException) {
        throw e;
      }
      throw new ExperimentFailedException(
          "The run "
              + config.name()
              + (experiment.point().label().isEmpty()
                  ? ""
                  : " [" + experiment.point().label() + "]")
              + " failed at step "
              + trainer.globalStep()
              + ": "
              + e,
          e);
    }
    cockpit.close(); // closes the sinks: the last figure, the diagnosis
    if (config.output().originalLog()) {
      cockpit.writeOriginalLog(directory.file(ORIGINAL_LOG));
    }
    Map<String, Double> lastEvaluation = progress.lastEvaluation;
    RunResult result =
        new RunResult(
            config.name(),
            experiment.point().label(),
            experiment.point().settings(),
            directory.path(),
            progress.stepsRun,
            progress.lastLoss,
            progress.stepTimes.median(),
            progress.millisecondsPerStep(),
            lastEvaluation,
            cockpit.output(),
            cockpit.refusedQuantities(),
            warnings.warnings(),
            List.of());
    ObjectNode summaryNode = summaryNode(result, progress);
    summaryNode.set("divergence", divergenceNode(monitor, stopOnDivergence));
    if (checkpoint != null) {
      summaryNode.put("resumed_from_step", checkpoint.step());
    }
    try {
      JSON.writeValue(directory.file(SUMMARY).toFile(), summaryNode);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + directory.file(SUMMARY), e);
    }
    provenance.finished(summaryNode);
    List<String> files = files();
    console.printf(
        Locale.ROOT,
        "done: %d steps, final loss %.4f, median %.1f ms/step%s -> %s%n",
        result.stepsRun(),
        result.finalLoss(),
        result.medianStepMilliseconds(),
        lastEvaluation.isEmpty() ? "" : ", " + describe(lastEvaluation),
        directory.path());
    return new RunResult(
        result.name(),
        result.label(),
        result.settings(),
        result.directory(),
        result.stepsRun(),
        result.finalLoss(),
        result.medianStepMilliseconds(),
        result.meanStepMilliseconds(),
        result.evaluation(),
        result.log(),
        result.refused(),
        result.warnings(),
        files);
  }

  /**
   * Writes the checkpoint after {@code done} steps: the trainer (parameters, optimizer, the
   * Cockpit), the data position, the run's progress and divergence monitor, the warnings, and in
   * the manifest the configuration's fingerprint and the lengths of the streamed files.
   */
  private void saveCheckpoint(
      CheckpointStore store,
      int done,
      Trainer trainer,
      BatchIterator batches,
      RunProgress progress,
      DivergenceMonitor monitor) {
    Map<String, Long> files = new LinkedHashMap<>();
    for (String name : List.of(JSON_LINES_LOG, MetricsFile.FILE)) {
      try {
        files.put(name, Files.size(directory.file(name)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot measure " + directory.file(name), e);
      }
    }
    store.save(
        done,
        ResumePoint.manifest(config, files),
        state -> {
          state.putState("trainer", trainer);
          state.putState("data", batches);
          state.putState("progress", progress);
          state.putState("monitor", monitor);
          state.putStrings("warnings", warnings.warnings());
        });
  }

  /**
   * Restores what {@link #saveCheckpoint} wrote and hands the values logged before the checkpoint
   * to the outputs (the figure and the diagnosis see the whole run).
   */
  private void restore(
      Checkpoint checkpoint,
      Trainer trainer,
      BatchIterator batches,
      RunProgress progress,
      DivergenceMonitor monitor) {
    StateReader state = checkpoint.state();
    state.restoreState("trainer", trainer);
    state.restoreState("data", batches);
    state.restoreState("progress", progress);
    state.restoreState("monitor", monitor);
    warnings.restore(state.getStrings("warnings"));
    // The checkpoint leaves the stored values out: cockpit.jsonl, already cut back to the
    // checkpoint, holds exactly them.
    cockpit.restoreOutput(CockpitLogReader.read(directory.file(JSON_LINES_LOG)));
    cockpit
        .output()
        .steps()
        .forEach((step, values) -> outputs.sinks().forEach(sink -> sink.write(step, values)));
  }

  private List<String> files() {
    try (java.util.stream.Stream<java.nio.file.Path> listing =
        java.nio.file.Files.list(directory.path())) {
      return listing
          .filter(java.nio.file.Files::isRegularFile)
          .map(path -> path.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory.path(), e);
    }
  }

  private BatchIterator batches() {
    int size = data.train().size();
    int batchSize = config.data().batchSize();
    if (config.data().dropLast() && batchSize > size) {
      throw ConfigException.at(
          experiment.sources(),
          "/data/batch_size",
          "the batch size " + batchSize + " exceeds the " + size + " training samples",
          "use batch_size: " + size + " (full batch) or less, or drop_last: false");
    }
    return BatchIterator.over(data.train())
        .batchSize(batchSize)
        .backend(backend)
        .dtype(experiment.dtype())
        .seed(config.seed())
        .shuffle(config.data().shuffle())
        .dropLast(config.data().dropLast())
        .endless(true)
        .build();
  }

  private Evaluator evaluator() {
    if (!config.evaluation().enabled()) {
      return null;
    }
    int trainSamples = Math.min(config.evaluation().trainSamples(), data.train().size());
    var valid = data.valid();
    if (valid != null) {
      int validSamples = Math.min(config.evaluation().validSamples(), valid.size());
      valid = validSamples == 0 ? null : valid.slice(0, validSamples);
    }
    return new Evaluator(
        model,
        LossFactory.create(config.loss()),
        data.train().slice(0, trainSamples),
        valid,
        backend,
        experiment.dtype(),
        config.evaluation().batchSize());
  }

  private void evaluate(
      Evaluator evaluator,
      int step,
      int perEpoch,
      MetricsFile metrics,
      Map<String, Double> lastEvaluation) {
    Map<String, Double> values = evaluator.evaluate();
    cockpit.record(step, "epoch_count", step / perEpoch);
    values.forEach((key, value) -> cockpit.record(step, key, value));
    metrics.evaluation(step, values);
    lastEvaluation.clear();
    lastEvaluation.putAll(values);
  }

  private static String describe(Map<String, Double> values) {
    List<String> parts = new ArrayList<>();
    values.forEach(
        (key, value) ->
            parts.add(
                key.endsWith("accuracy")
                    ? String.format(Locale.ROOT, "%s %.1f %%", key, 100 * value)
                    : String.format(Locale.ROOT, "%s %.4f", key, value)));
    return String.join(", ", parts);
  }

  private ObjectNode summaryNode(RunResult result, RunProgress progress) {
    ObjectNode node = JSON.createObjectNode();
    node.put("experiment", result.name());
    node.put("label", result.label());
    node.set("settings", JSON.valueToTree(result.settings()));
    node.put("steps", result.stepsRun());
    node.put("final_loss", result.finalLoss());
    node.put("median_step_ms", result.medianStepMilliseconds());
    node.put("mean_step_ms", progress.millisecondsPerStep());
    node.put("total_seconds", progress.totalMilliseconds / 1000);
    node.set("evaluation", JSON.valueToTree(result.evaluation()));
    node.set("medians", JSON.valueToTree(LogStatistics.medians(result.log())));
    node.set("refused_quantities", JSON.valueToTree(result.refused()));
    node.set("warnings", JSON.valueToTree(result.warnings()));
    return node;
  }

  private static ObjectNode divergenceNode(DivergenceMonitor monitor, boolean stop) {
    ObjectNode node = JSON.createObjectNode();
    DivergenceMonitor.Divergence divergence = monitor.divergence();
    node.put("diverged", divergence != null);
    node.put("on_divergence", stop ? TrainingConfig.STOP : TrainingConfig.CONTINUE);
    if (divergence != null) {
      node.put("step", divergence.step());
      node.put("key", divergence.key());
      node.put("value", divergence.value());
      node.put("gradient_step", divergence.gradientStep());
      node.set("parameters", JSON.valueToTree(divergence.parameters()));
      node.put("stopped", stop);
      node.put("description", divergence.describe());
    }
    node.set(
        "first_non_finite",
        JSON.valueToTree(new java.util.TreeMap<>(monitor.firstNonFiniteSteps())));
    return node;
  }

  private void closeQuietly() {
    try {
      cockpit.close();
    } catch (RuntimeException ignored) {
      // the original failure matters more
    }
  }

  /** Closes the backend (and with it the run's device memory). */
  @Override
  public void close() {
    backend.close();
  }
}
