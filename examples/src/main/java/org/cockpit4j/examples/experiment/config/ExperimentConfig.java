package org.cockpit4j.examples.experiment.config;

/**
 * One experiment as parsed from its YAML file (after a sweep point and command-line overrides were
 * applied), with defaults filled in. Immutable; serialised back it is the resolved configuration
 * written into every run's provenance. The keys are the snake_case forms of the component names.
 *
 * @param name the experiment's name; default the file name without extension
 * @param description free text; default empty
 * @param seed the seed of the initialisation, the batch order and the random quantities; default 0
 * @param dtype {@code float32} (default) or {@code float64}
 * @param backend the compute backend
 * @param data the training data
 * @param model the network
 * @param loss {@code cross_entropy} or {@code mse} (required)
 * @param optimizer the optimizer and its learning-rate schedule
 * @param training the number of steps or epochs
 * @param cockpit the tracked quantities
 * @param evaluation periodic train/valid loss and accuracy
 * @param output where and what to write
 * @param plugins plugin jars to load
 */
public record ExperimentConfig(
    String name,
    String description,
    Long seed,
    String dtype,
    BackendConfig backend,
    DataConfig data,
    ModelConfig model,
    String loss,
    OptimizerConfig optimizer,
    TrainingConfig training,
    CockpitConfig cockpit,
    EvaluationConfig evaluation,
    OutputConfig output,
    PluginsConfig plugins) {

  /** The known losses. */
  public static final java.util.List<String> LOSSES = java.util.List.of("cross_entropy", "mse");

  /** Fills the defaults. */
  public ExperimentConfig {
    description = description == null ? "" : description;
    seed = seed == null ? 0L : seed;
    dtype = dtype == null ? "float32" : dtype;
    backend = backend == null ? BackendConfig.defaults() : backend;
    cockpit = cockpit == null ? CockpitConfig.defaults() : cockpit;
    evaluation = evaluation == null ? EvaluationConfig.defaults() : evaluation;
    output = output == null ? OutputConfig.defaults() : output;
    plugins = plugins == null ? PluginsConfig.defaults() : plugins;
  }

  /** The output directory: the configured one, or {@code runs/<name>}. */
  public String outputDirectory() {
    return output.directory() == null ? "runs/" + name : output.directory();
  }
}
