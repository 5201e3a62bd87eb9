package org.cockpit4j.examples.cli;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cockpit4j.examples.experiment.ExperimentRunner;
import org.cockpit4j.examples.experiment.ExperimentValidator;
import org.cockpit4j.examples.experiment.ValidatedExperiment;
import org.cockpit4j.examples.experiment.config.ConfigOverride;
import org.cockpit4j.examples.experiment.config.ExperimentFile;
import org.cockpit4j.examples.experiment.config.ExperimentLoader;
import org.cockpit4j.examples.experiment.config.ExperimentPoint;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.run.RunResult;
import org.cockpit4j.examples.experiment.run.RunSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cockpit run EXPERIMENT.yaml}: runs an experiment file (every point of its sweep), writing
 * the Cockpit's logs, metrics, summary and provenance (and, with the instruments on the class path,
 * the figure and the diagnosis) into the output directory.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an experiment file: trains with the Cockpit attached and writes into the output"
          + " directory cockpit.jsonl (flushed per step), cockpit.json (the original's layout),"
          + " metrics.jsonl, summary.json, provenance.json and experiment.yaml (and the figure and"
          + " diagnosis when the instruments are on the class path).",
      "With training: {checkpoint: {every: K}} it also writes checkpoints (DIR/checkpoints/);"
          + " --resume DIR continues a stopped run from its newest checkpoint, exactly as if it"
          + " had not stopped.",
      "Exit codes: 0 success, 1 the run failed, 2 a mistake in the file or the options.",
      "Example: cockpit run examples/experiments/fmnist_basic.yaml --steps 100",
      "         cockpit run --resume runs/fmnist_basic"
    })
final class RunCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "EXPERIMENT.yaml",
      description = "the experiment file (with --resume: default DIR/experiment.yaml)")
  Path file;

  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description =
          "continues the run in DIR from its newest checkpoint (its experiment must be unchanged)")
  Path resume;

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description = "overrides backend.type: cpu, opencl or auto (see `cockpit list`)")
  String backend;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "overrides output.directory (a sweep writes one subdirectory per point)")
  Path out;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description = "overrides training: {steps: N} (replaces epochs)")
  Integer steps;

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description =
          "directory of plugin jars (default: plugins.directory of the file, else ./plugins)")
  Path plugins;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "sets any key by its dotted path, e.g. --set optimizer.lr=0.05 --set"
              + " cockpit.preset=full (values are YAML: numbers, true/false, [lists])")
  List<String> settings = new ArrayList<>();

  @Option(
      names = "--check",
      description = "only load and check the file (every sweep point), do not train")
  boolean check;

  @Option(
      names = "--only",
      paramLabel = "REGEX",
      description =
          "runs only the sweep points whose label matches, e.g. --only 'lr=0.1$' (labels are"
              + " joined with __, e.g. fmnist_2c2d__preset=economy__interval=16)")
  String only;

  @Option(names = "--quiet", description = "print nothing but errors")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<ConfigOverride> overrides = overrides();
    if (resume != null) {
      return resume(overrides);
    }
    if (file == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "cockpit run needs an experiment file (cockpit run FILE.yaml) or --resume DIR");
    }
    if (check) {
      ExperimentFile experiments = ExperimentLoader.load(file, overrides);
      PluginCatalog catalog = ExperimentRunner.catalogFor(experiments, plugins);
      for (ExperimentPoint point : ExperimentRunner.select(experiments, only)) {
        ValidatedExperiment validated = ExperimentValidator.validate(point, catalog);
        spec.commandLine()
            .getOut()
            .printf(
                "ok: %s%s -> %s%n",
                validated.config().name(),
                point.label().isEmpty() ? "" : " [" + point.label() + "]",
                validated.config().outputDirectory());
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
    List<String> command = new ArrayList<>(List.of("cockpit", "run", file.toString()));
    RunSettings runSettings =
        quiet
            ? new RunSettings(RunSettings.quiet().console(), false, command)
            : RunSettings.console(command);
    List<RunResult> results = ExperimentRunner.run(file, overrides, plugins, runSettings, only);
    if (!quiet && results.size() > 1) {
      System.out.printf(
          "%d runs finished; see sweep.json next to their directories%n", results.size());
    }
    return 0;
  }

  private Integer resume(List<ConfigOverride> overrides) {
    if (check) {
      throw new IllegalArgumentException("--check and --resume do not go together");
    }
    if (out != null) {
      throw new IllegalArgumentException(
          "--resume continues in its own directory; --out does not apply (copy the directory"
              + " first to continue a copy)");
    }
    List<String> command = new ArrayList<>(List.of("cockpit", "run"));
    if (file != null) {
      command.add(file.toString());
    }
    command.addAll(List.of("--resume", resume.toString()));
    RunSettings runSettings =
        quiet
            ? new RunSettings(RunSettings.quiet().console(), false, command)
            : RunSettings.console(command);
    ExperimentRunner.resume(resume, file, overrides, plugins, runSettings, only);
    return 0;
  }

  private List<ConfigOverride> overrides() {
    List<ConfigOverride> overrides = new ArrayList<>();
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "--set needs KEY=VALUE, e.g. --set optimizer.lr=0.05; got '" + setting + "'");
      }
      overrides.add(
          ConfigOverride.set(
              setting.substring(0, equals),
              ExperimentLoader.parseValue(setting.substring(equals + 1)),
              "command line --set " + setting));
    }
    if (backend != null) {
      overrides.add(
          ConfigOverride.set("backend.type", TextNode.valueOf(backend), "command line --backend"));
    }
    if (out != null) {
      overrides.add(
          ConfigOverride.set(
              "output.directory", TextNode.valueOf(out.toString()), "command line --out"));
    }
    if (steps != null) {
      if (steps < 1) {
        throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
      }
      overrides.add(ConfigOverride.remove("training.epochs", "command line --steps"));
      overrides.add(
          ConfigOverride.set("training.steps", IntNode.valueOf(steps), "command line --steps"));
    }
    return overrides;
  }
}
