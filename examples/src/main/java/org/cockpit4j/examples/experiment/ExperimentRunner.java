package org.cockpit4j.examples.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.examples.experiment.config.ConfigOverride;
import org.cockpit4j.examples.experiment.config.ExperimentFile;
import org.cockpit4j.examples.experiment.config.ExperimentLoader;
import org.cockpit4j.examples.experiment.config.ExperimentPoint;
import org.cockpit4j.examples.experiment.config.PluginsConfig;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.resume.ResumePoint;
import org.cockpit4j.examples.experiment.run.ExperimentRun;
import org.cockpit4j.examples.experiment.run.LogStatistics;
import org.cockpit4j.examples.experiment.run.RunResult;
import org.cockpit4j.examples.experiment.run.RunSettings;
import org.cockpit4j.examples.experiment.wiring.ExperimentModule;

/**
 * Runs experiment files: load ({@link ExperimentLoader}), discover plugins ({@link PluginCatalog}),
 * check every point ({@link ExperimentValidator}) before the first one trains, wire each point with
 * Guice ({@link ExperimentModule}) and run it ({@link ExperimentRun}). A sweep also writes {@code
 * sweep.json} into the common output directory: one row per point with its settings, final loss,
 * last evaluation, median step time and the medians of the scalar quantities.
 *
 * <pre>{@code
 * List<RunResult> results = ExperimentRunner.run(
 *     Path.of("examples/experiments/line.yaml"), List.of(), null, RunSettings.quiet());
 * }</pre>
 */
public final class ExperimentRunner {
  /** The sweep summary's file name. */
  public static final String SWEEP_SUMMARY = "sweep.json";

  /** The resolved configuration a run writes into its directory (what {@code --resume} reads). */
  public static final String RESOLVED_CONFIG = "experiment.yaml";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ExperimentRunner() {}

  /**
   * Loads and runs every point of {@code file}.
   *
   * @param overrides applied to every point (command-line options)
   * @param pluginDirectory the plugins directory, overriding the file's {@code plugins.directory};
   *     null to use the file's (default {@code plugins})
   */
  public static List<RunResult> run(
      Path file, List<ConfigOverride> overrides, Path pluginDirectory, RunSettings settings) {
    return run(file, overrides, pluginDirectory, settings, null);
  }

  /**
   * Loads and runs the points of {@code file} whose label contains a match of {@code only} (a
   * regular expression; null runs every point).
   */
  public static List<RunResult> run(
      Path file,
      List<ConfigOverride> overrides,
      Path pluginDirectory,
      RunSettings settings,
      String only) {
    ExperimentFile experiments = ExperimentLoader.load(file, overrides);
    PluginCatalog catalog = catalogFor(experiments, pluginDirectory);
    List<ValidatedExperiment> validated = new ArrayList<>();
    for (ExperimentPoint point : select(experiments, only)) {
      validated.add(ExperimentValidator.validate(point, catalog));
    }
    List<RunResult> results = new ArrayList<>();
    for (ValidatedExperiment experiment : validated) {
      results.add(run(experiment, catalog, settings));
      if (experiments.sweep()) {
        writeSweepSummary(sweepDirectory(experiments), results);
      }
    }
    return results;
  }

  /**
   * Continues the run in {@code runDirectory} from its newest checkpoint: reads the experiment from
   * {@code file} (null: the run's own {@code experiment.yaml}) with {@code overrides}, checks that
   * it is the experiment that wrote the checkpoint, cuts the streamed logs back to the checkpoint
   * and trains the remaining steps into the same directory. Fails with exit code 2 (a {@link
   * org.cockpit4j.checkpoint.CheckpointException} or {@link IllegalArgumentException}) when the
   * directory or a checkpoint is missing, the checkpoint is corrupt, the experiment differs or the
   * file holds several runs.
   */
  public static RunResult resume(
      Path runDirectory,
      Path file,
      List<ConfigOverride> overrides,
      Path pluginDirectory,
      RunSettings settings,
      String only) {
    ResumePoint resume = ResumePoint.find(runDirectory);
    Path configFile = file != null ? file : runDirectory.resolve(RESOLVED_CONFIG);
    if (!Files.isRegularFile(configFile)) {
      throw new IllegalArgumentException(
          "--resume "
              + runDirectory
              + ": "
              + configFile
              + " is missing; pass the experiment file of the run: cockpit run FILE.yaml --resume "
              + runDirectory);
    }
    List<ConfigOverride> all = new ArrayList<>(overrides);
    all.add(
        ConfigOverride.set(
            "output.directory",
            com.fasterxml.jackson.databind.node.TextNode.valueOf(runDirectory.toString()),
            "command line --resume"));
    ExperimentFile experiments = ExperimentLoader.load(configFile, all);
    List<ExperimentPoint> points = select(experiments, only);
    if (points.size() != 1) {
      List<String> labels = points.stream().map(ExperimentPoint::label).toList();
      throw new IllegalArgumentException(
          "--resume continues one run, but "
              + configFile
              + " has "
              + points.size()
              + " (a sweep: "
              + String.join(", ", labels)
              + "); pick the run with --only REGEX, or omit the file to use "
              + runDirectory.resolve(RESOLVED_CONFIG));
    }
    PluginCatalog catalog = catalogFor(experiments, pluginDirectory);
    ValidatedExperiment experiment = ExperimentValidator.validate(points.get(0), catalog);
    resume.verify(experiment.config());
    if (experiment.config().training().steps() != null) {
      resume.checkSteps(experiment.config().training().steps());
    }
    resume.cutFiles(runDirectory);
    return run(experiment, catalog, settings, resume);
  }

  /** The points whose label matches {@code only} (all for null); fails when none does. */
  public static List<ExperimentPoint> select(ExperimentFile file, String only) {
    if (only == null) {
      return file.points();
    }
    java.util.regex.Pattern pattern;
    try {
      pattern = java.util.regex.Pattern.compile(only);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("--only needs a regular expression: " + e.getMessage(), e);
    }
    List<ExperimentPoint> selected = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (ExperimentPoint point : file.points()) {
      labels.add(point.label());
      if (pattern.matcher(point.label()).find()) {
        selected.add(point);
      }
    }
    if (selected.isEmpty()) {
      throw new IllegalArgumentException(
          "No point of "
              + file.file()
              + " matches '"
              + only
              + "'. Points: "
              + String.join(", ", labels));
    }
    return selected;
  }

  /** The plugin catalog for a file: the class path plus the plugins directory. */
  public static PluginCatalog catalogFor(ExperimentFile file, Path pluginDirectory) {
    Path directory = pluginDirectory;
    if (directory == null) {
      String configured = file.points().get(0).config().plugins().directory();
      directory = Path.of(configured == null ? PluginsConfig.DEFAULT_DIRECTORY : configured);
    }
    return PluginCatalog.discover(directory);
  }

  /** Wires and runs one validated point. */
  public static RunResult run(
      ValidatedExperiment experiment, PluginCatalog catalog, RunSettings settings) {
    return run(experiment, catalog, settings, ResumePoint.none());
  }

  private static RunResult run(
      ValidatedExperiment experiment,
      PluginCatalog catalog,
      RunSettings settings,
      ResumePoint resume) {
    Injector injector;
    ExperimentRun run;
    try {
      injector = Guice.createInjector(new ExperimentModule(experiment, catalog, settings, resume));
      run = injector.getInstance(ExperimentRun.class);
    } catch (ProvisionException e) {
      throw unwrap(e.getErrorMessages(), e);
    } catch (CreationException e) {
      throw unwrap(e.getErrorMessages(), e);
    }
    try (run) {
      return run.execute();
    }
  }

  private static RuntimeException unwrap(
      java.util.Collection<Message> messages, RuntimeException wrapper) {
    for (Message message : messages) {
      Throwable cause = message.getCause();
      if (cause instanceof RuntimeException runtime) {
        return runtime;
      }
    }
    Throwable cause = wrapper.getCause();
    return cause instanceof RuntimeException runtime ? runtime : wrapper;
  }

  private static Path sweepDirectory(ExperimentFile file) {
    Path first = Path.of(file.points().get(0).config().outputDirectory());
    return first.getParent() == null ? Path.of(".") : first.getParent();
  }

  /** Writes {@code sweep.json} for the results so far. */
  static void writeSweepSummary(Path directory, List<RunResult> results) {
    ArrayNode rows = JSON.createArrayNode();
    for (RunResult result : results) {
      ObjectNode row = rows.addObject();
      row.put("label", result.label());
      row.set("settings", JSON.valueToTree(result.settings()));
      row.put("directory", result.directory().toString());
      row.put("steps", result.stepsRun());
      row.put("final_loss", result.finalLoss());
      row.put("median_step_ms", result.medianStepMilliseconds());
      row.put("mean_step_ms", result.meanStepMilliseconds());
      row.set("evaluation", JSON.valueToTree(result.evaluation()));
      row.set("medians", JSON.valueToTree(LogStatistics.medians(result.log())));
    }
    try {
      Files.createDirectories(directory);
      JSON.writeValue(directory.resolve(SWEEP_SUMMARY).toFile(), rows);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + directory.resolve(SWEEP_SUMMARY), e);
    }
  }
}
