package org.cockpit4j.examples.experiment.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.examples.data.DataUnavailableException;
import org.cockpit4j.examples.experiment.ExperimentValidator;
import org.cockpit4j.examples.experiment.ValidatedExperiment;
import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;
import org.cockpit4j.examples.experiment.config.OutputConfig;
import org.cockpit4j.examples.experiment.config.SourceMap;
import org.cockpit4j.examples.experiment.data.DataSplits;
import org.cockpit4j.examples.experiment.data.DatasetProvider;
import org.cockpit4j.examples.experiment.output.RunOutputContext;
import org.cockpit4j.examples.experiment.output.RunOutputProvider;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.plugin.Provided;
import org.cockpit4j.examples.experiment.resume.ResumePoint;
import org.cockpit4j.examples.experiment.run.ExperimentRun;
import org.cockpit4j.examples.experiment.run.RunDirectory;
import org.cockpit4j.examples.experiment.run.RunOutputs;
import org.cockpit4j.examples.experiment.run.RunSettings;
import org.cockpit4j.examples.experiment.run.WarningLog;
import org.cockpit4j.log.JsonLinesLog;
import org.cockpit4j.log.LogSink;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.LearningRateSchedule;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.quantity.Quantity;

/**
 * The Guice wiring of one run, built from the parsed and validated configuration (never from raw
 * YAML): it binds the configuration records and the {@link PluginCatalog} (what ServiceLoader
 * found), and provides each part of the run from them — backend, data, model, loss, optimizer and
 * schedule, quantities, Cockpit, output directory and outputs — as singletons, so that {@link
 * ExperimentRun} receives one consistent set.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new ExperimentModule(validated, catalog, settings));
 * try (ExperimentRun run = injector.getInstance(ExperimentRun.class)) {
 *   RunResult result = run.execute();
 * }
 * }</pre>
 */
public final class ExperimentModule extends AbstractModule {
  private final ValidatedExperiment experiment;
  private final PluginCatalog catalog;
  private final RunSettings settings;
  private final ResumePoint resume;

  /** The wiring of a fresh run of {@code experiment} with the providers of {@code catalog}. */
  public ExperimentModule(
      ValidatedExperiment experiment, PluginCatalog catalog, RunSettings settings) {
    this(experiment, catalog, settings, ResumePoint.none());
  }

  /**
   * The wiring of {@code experiment}, continuing from {@code resume} (whose files were cut back to
   * the checkpoint) or fresh ({@link ResumePoint#none()}).
   */
  public ExperimentModule(
      ValidatedExperiment experiment,
      PluginCatalog catalog,
      RunSettings settings,
      ResumePoint resume) {
    this.experiment = experiment;
    this.catalog = catalog;
    this.settings = settings;
    this.resume = resume;
  }

  @Override
  protected void configure() {
    bind(ValidatedExperiment.class).toInstance(experiment);
    bind(ExperimentConfig.class).toInstance(experiment.config());
    bind(SourceMap.class).toInstance(experiment.sources());
    bind(PluginCatalog.class).toInstance(catalog);
    bind(RunSettings.class).toInstance(settings);
    bind(ResumePoint.class).toInstance(resume);
    bind(WarningLog.class).toInstance(new WarningLog(settings.console()));
    bind(ExperimentRun.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  Backend backend(ExperimentConfig config, SourceMap sources) {
    return BackendFactory.create(config.backend(), catalog.backends(), sources);
  }

  @Provides
  @Singleton
  DataSplits data(ExperimentConfig config, SourceMap sources) {
    Provided<DatasetProvider> provided = catalog.datasets().get(config.data().datasetType());
    DataSplits splits;
    try {
      splits =
          provided
              .provider()
              .load(ExperimentValidator.options(config.data(), sources), config.seed());
    } catch (DataUnavailableException e) {
      // missing data is a setup problem of this file (exit code 2), not a failed run
      throw ConfigException.at(
          sources,
          "/data/dataset",
          e.getMessage(),
          "or point the dataset at the files: --set data.dataset.directory=DIR");
    }
    return splits.preprocessed(
        config.data().preprocessing().scale(), config.data().preprocessing().shift());
  }

  @Provides
  @Singleton
  Sequential model(ExperimentConfig config, SourceMap sources, Backend backend) {
    return ModelFactory.build(
        config, sources, catalog.layers(), backend, experiment.dtype(), experiment.dataShape());
  }

  @Provides
  @Singleton
  Loss loss(ExperimentConfig config) {
    return LossFactory.create(config.loss());
  }

  @Provides
  @Singleton
  Optimizer optimizer(ExperimentConfig config, Sequential model) {
    return OptimizerFactory.create(config.optimizer(), model.parameters());
  }

  @Provides
  @Singleton
  Optional<LearningRateSchedule> schedule(ExperimentConfig config) {
    return Optional.ofNullable(OptimizerFactory.schedule(config.optimizer()));
  }

  @Provides
  @Singleton
  List<Quantity> quantities(ExperimentConfig config, SourceMap sources, WarningLog warnings) {
    return QuantityFactory.create(config.cockpit(), catalog.quantities(), sources, warnings);
  }

  @Provides
  @Singleton
  RunDirectory directory(ExperimentConfig config) {
    Path path = Path.of(config.outputDirectory());
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the output directory " + path, e);
    }
    return new RunDirectory(path);
  }

  @Provides
  @Singleton
  Cockpit cockpit(
      Sequential model,
      List<Quantity> quantities,
      ExperimentConfig config,
      RunDirectory directory,
      WarningLog warnings,
      @RunMetadata Map<String, Object> metadata,
      RunOutputs outputs) {
    Cockpit.Builder builder =
        Cockpit.builder(model)
            .quantities(quantities)
            .rules(catalog.layers().rules())
            .strict(config.cockpit().strict())
            .warnings(warnings)
            // cockpit.jsonl holds the stored values; a resumed run reads them back from it
            .checkpointStoredValues(false)
            .sink(
                resume.resuming()
                    ? JsonLinesLog.append(directory.file(ExperimentRun.JSON_LINES_LOG))
                    : JsonLinesLog.create(directory.file(ExperimentRun.JSON_LINES_LOG), metadata));
    outputs.sinks().forEach(builder::sink);
    return builder.build();
  }

  /**
   * The JSON Lines header: parameter names, quantities with schedule and options, the optimizer
   * ({@code {type, lr}}: the figure's title and the lr·λmax rule), the experiment and its seed.
   */
  @Provides
  @Singleton
  @RunMetadata
  Map<String, Object> metadata(
      ExperimentConfig config, Sequential model, List<Quantity> quantities, Optimizer optimizer) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("parameters", model.parameterNames());
    List<Object> described = new ArrayList<>();
    for (Quantity quantity : quantities) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", quantity.name());
      entry.put("schedule", quantity.schedule().toString());
      Map<String, Object> options = new LinkedHashMap<>();
      quantity.options().forEach((key, value) -> options.put(key, String.valueOf(value)));
      entry.put("options", options);
      described.add(entry);
    }
    metadata.put("quantities", described);
    metadata.put("optimizer", Map.of("type", optimizer.type(), "lr", config.optimizer().lr()));
    metadata.put(
        "experiment",
        experiment.point().label().isEmpty()
            ? config.name()
            : config.name() + " [" + experiment.point().label() + "]");
    metadata.put("seed", config.seed());
    return metadata;
  }

  @Provides
  @Singleton
  RunOutputs outputs(
      ExperimentConfig config,
      RunDirectory directory,
      WarningLog warnings,
      @RunMetadata Map<String, Object> metadata) {
    OutputConfig output = config.output();
    List<String> wanted = new ArrayList<>();
    if (output.figure()) {
      wanted.add("figure");
    }
    if (output.diagnosis()) {
      wanted.add("diagnosis");
    }
    if (output.dashboard()) {
      wanted.add("dashboard");
    }
    Path absolute = directory.path().toAbsolutePath().normalize();
    RunOutputContext context =
        new RunOutputContext(
            directory.path(),
            absolute.getFileName() == null ? config.name() : absolute.getFileName().toString(),
            config,
            metadata,
            settings.console(),
            warnings);
    List<LogSink> opened = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String name : wanted) {
      Provided<RunOutputProvider> provided = catalog.outputs().get(name);
      if (provided == null) {
        notes.add(
            name
                + ": no '"
                + name
                + "' output on the class path (it comes with the instruments); skipped");
      } else {
        opened.add(provided.provider().open(context));
        names.add(name);
      }
    }
    return new RunOutputs(opened, names, notes);
  }
}
