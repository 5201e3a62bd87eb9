package org.cockpit4j.examples.experiment;

import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BackendProvider;
import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.DataConfig;
import org.cockpit4j.examples.experiment.config.EvaluationConfig;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;
import org.cockpit4j.examples.experiment.config.ExperimentPoint;
import org.cockpit4j.examples.experiment.config.OptionReader;
import org.cockpit4j.examples.experiment.config.SourceMap;
import org.cockpit4j.examples.experiment.config.Suggestions;
import org.cockpit4j.examples.experiment.config.TrainingConfig;
import org.cockpit4j.examples.experiment.data.DataShape;
import org.cockpit4j.examples.experiment.data.DatasetProvider;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.plugin.Provided;
import org.cockpit4j.examples.experiment.wiring.BackendFactory;
import org.cockpit4j.examples.experiment.wiring.LossFactory;
import org.cockpit4j.examples.experiment.wiring.ModelFactory;
import org.cockpit4j.examples.experiment.wiring.OptimizerFactory;
import org.cockpit4j.examples.experiment.wiring.QuantityFactory;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.tensor.DType;

/**
 * Checks an experiment point before anything heavy happens (no data are loaded, nothing trains):
 * names against what the {@link PluginCatalog} found, values against their ranges, the dataset's
 * options through its provider, the model's shapes on a small CPU probe, quantity options through
 * their providers. Every mistake is a {@link ConfigException} with {@code file:line:column}, the
 * key and the fix.
 */
public final class ExperimentValidator {
  private ExperimentValidator() {}

  /** Checks {@code point}; returns it with its data shape. */
  public static ValidatedExperiment validate(ExperimentPoint point, PluginCatalog catalog) {
    ExperimentConfig config = point.config();
    SourceMap sources = point.sources();
    if (config.name() == null || config.name().isBlank()) {
      throw ConfigException.at(sources, "/name", "the name must not be empty", "name: my_run");
    }
    DType dtype = dtype(config.dtype(), sources);
    BackendFactory.choose(config.backend(), catalog.backends(), sources);
    DataShape shape = dataShape(config.data(), catalog, sources);
    LossFactory.check(config.loss(), sources);
    probeModel(config, sources, catalog, dtype, shape);
    OptimizerFactory.check(config.optimizer(), sources);
    checkTraining(config.training(), sources);
    for (Quantity quantity :
        QuantityFactory.create(config.cockpit(), catalog.quantities(), sources)) {
      quantity.close();
    }
    checkEvaluation(config.evaluation(), sources);
    if (config.output().figureEvery() < 0) {
      throw ConfigException.at(
          sources,
          "/output/figure_every",
          "figure_every must be >= 0, got " + config.output().figureEvery(),
          "0 draws the figure once at the end; 50 refreshes it every 50 steps");
    }
    if (!org.cockpit4j.examples.experiment.config.OutputConfig.FIGURE_FORMATS.contains(
        config.output().figureFormat())) {
      throw ConfigException.at(
          sources,
          "/output/figure_format",
          Suggestions.unknown(
              "figure format",
              config.output().figureFormat(),
              org.cockpit4j.examples.experiment.config.OutputConfig.FIGURE_FORMATS),
          "");
    }
    int port = config.output().dashboardPort();
    if (port < 0 || port > 65535) {
      throw ConfigException.at(
          sources,
          "/output/dashboard_port",
          "the port must be within 0..65535, got " + port,
          "dashboard_port: 7070 (0 picks a free port)");
    }
    catalog.require(config.plugins().require());
    return new ValidatedExperiment(point, shape, dtype);
  }

  /** The dtype named {@code name}. */
  static DType dtype(String name, SourceMap sources) {
    List<String> known = List.of("float32", "float64");
    if (!known.contains(name)) {
      throw ConfigException.at(sources, "/dtype", Suggestions.unknown("dtype", name, known), "");
    }
    return DType.parse(name);
  }

  /** The dataset's shapes, checking its type, its options and the batch settings. */
  static DataShape dataShape(DataConfig data, PluginCatalog catalog, SourceMap sources) {
    if (data == null) {
      throw ConfigException.atKey(
          sources,
          "/data",
          "the experiment has no data",
          "add `data: {dataset: {type: fashion_mnist}, batch_size: 128}`");
    }
    String type = data.datasetType();
    if (type == null) {
      throw ConfigException.at(
          sources,
          "/data/dataset",
          "the dataset needs a type",
          "write e.g. dataset: {type: fashion_mnist}; known: "
              + String.join(", ", catalog.datasets().keySet()));
    }
    Provided<DatasetProvider> provided = catalog.datasets().get(type);
    if (provided == null) {
      throw ConfigException.at(
          sources,
          "/data/dataset/type",
          Suggestions.unknown("dataset", type, catalog.datasets().keySet()),
          "");
    }
    DataShape shape = provided.provider().shape(options(data, sources));
    if (data.batchSize() == null) {
      throw ConfigException.at(
          sources, "/data", "the batch size is missing", "add batch_size: 128 (for example)");
    }
    if (data.batchSize() < 1) {
      throw ConfigException.at(
          sources,
          "/data/batch_size",
          "the batch size must be at least 1, got " + data.batchSize(),
          "use a positive batch size, e.g. batch_size: 128 (the Cockpit's variances need at"
              + " least 2)");
    }
    double scale = data.preprocessing().scale();
    double shift = data.preprocessing().shift();
    if (!Double.isFinite(scale) || scale == 0) {
      throw ConfigException.at(
          sources,
          "/data/preprocessing/scale",
          "the input scale must be finite and non-zero, got " + scale,
          "scale: 1 leaves the inputs as they are; scale: 255 mimics unnormalised pixels");
    }
    if (!Double.isFinite(shift)) {
      throw ConfigException.at(
          sources, "/data/preprocessing/shift", "the shift must be finite, got " + shift, "");
    }
    return shape;
  }

  /** The dataset's option reader (everything under {@code data.dataset} but {@code type}). */
  public static OptionReader options(DataConfig data, SourceMap sources) {
    Map<String, Object> options = data.datasetOptions();
    return new OptionReader("dataset " + data.datasetType(), options, "/data/dataset", sources);
  }

  private static void probeModel(
      ExperimentConfig config,
      SourceMap sources,
      PluginCatalog catalog,
      DType dtype,
      DataShape shape) {
    Provided<BackendProvider> cpu = catalog.backends().get("cpu");
    if (cpu == null) {
      return; // the model is checked when the run builds it
    }
    try (Backend probe = cpu.provider().create(Map.of("threads", "1"))) {
      Sequential network =
          ModelFactory.build(config, sources, catalog.layers(), probe, dtype, shape);
      network.parameters().forEach(parameter -> parameter.value().close());
    }
  }

  private static void checkTraining(TrainingConfig training, SourceMap sources) {
    if (training == null || (training.steps() == null) == (training.epochs() == null)) {
      throw ConfigException.atKey(
          sources,
          "/training",
          training == null || training.steps() == null
              ? "say how long to train"
              : "give either steps or epochs, not both",
          "write training: {steps: 300} or training: {epochs: 2}");
    }
    if (training.steps() != null && training.steps() < 1) {
      throw ConfigException.at(
          sources,
          "/training/steps",
          "the number of steps must be at least 1, got " + training.steps(),
          "e.g. steps: 300");
    }
    if (training.epochs() != null && training.epochs() < 1) {
      throw ConfigException.at(
          sources,
          "/training/epochs",
          "the number of epochs must be at least 1, got " + training.epochs(),
          "e.g. epochs: 1");
    }
    if (!TrainingConfig.ON_DIVERGENCE.contains(training.onDivergence())) {
      throw ConfigException.at(
          sources,
          "/training/on_divergence",
          Suggestions.unknown(
              "on_divergence value", training.onDivergence(), TrainingConfig.ON_DIVERGENCE),
          "on_divergence: stop ends training at the first NaN or infinite value; continue keeps"
              + " training");
    }
    if (training.checkpoint().every() < 0) {
      throw ConfigException.at(
          sources,
          "/training/checkpoint/every",
          "checkpoint every must be >= 0, got " + training.checkpoint().every(),
          "0 writes no checkpoints; 100 writes one every 100 steps");
    }
    if (training.checkpoint().keep() < 1) {
      throw ConfigException.at(
          sources,
          "/training/checkpoint/keep",
          "checkpoint keep must be at least 1, got " + training.checkpoint().keep(),
          "keep: 2 keeps the newest two checkpoints");
    }
  }

  private static void checkEvaluation(EvaluationConfig evaluation, SourceMap sources) {
    if (evaluation.every() < 0) {
      throw ConfigException.at(
          sources,
          "/evaluation/every",
          "every must be >= 0, got " + evaluation.every(),
          "0 switches evaluation off; 50 evaluates every 50 steps");
    }
    positive(evaluation.trainSamples(), "train_samples", sources);
    if (evaluation.validSamples() < 0) {
      throw ConfigException.at(
          sources,
          "/evaluation/valid_samples",
          "valid_samples must be >= 0, got " + evaluation.validSamples(),
          "");
    }
    positive(evaluation.batchSize(), "batch_size", sources);
  }

  private static void positive(int value, String key, SourceMap sources) {
    if (value < 1) {
      throw ConfigException.at(
          sources,
          "/evaluation/" + key,
          key + " must be at least 1, got " + value,
          "e.g. " + key + ": 500");
    }
  }
}
