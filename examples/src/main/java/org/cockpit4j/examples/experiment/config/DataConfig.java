package org.cockpit4j.examples.experiment.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training data: {@code data: {dataset: {type: fashion_mnist}, batch_size: 128}}.
 *
 * @param dataset the dataset: its {@code type} (a dataset provider's name, e.g. {@code
 *     fashion_mnist}, {@code noisy_quadratic}) and that provider's options
 * @param batchSize samples per mini-batch, at least 1 (required)
 * @param shuffle whether each epoch visits the samples in a seeded random order; default true
 * @param dropLast whether to drop the last, smaller batch of an epoch; default true (every step
 *     sees a full batch, as the Cockpit's per-sample statistics assume)
 * @param preprocessing input scaling; default none
 */
public record DataConfig(
    Map<String, Object> dataset,
    Integer batchSize,
    Boolean shuffle,
    Boolean dropLast,
    PreprocessingConfig preprocessing) {

  /** Fills the defaults and copies. */
  public DataConfig {
    dataset = dataset == null ? Map.of() : new LinkedHashMap<>(dataset);
    dataset = java.util.Collections.unmodifiableMap(dataset);
    shuffle = shuffle == null ? Boolean.TRUE : shuffle;
    dropLast = dropLast == null ? Boolean.TRUE : dropLast;
    preprocessing = preprocessing == null ? PreprocessingConfig.defaults() : preprocessing;
  }

  /** The dataset's type name, or null when missing. */
  public String datasetType() {
    Object type = dataset.get("type");
    return type instanceof String name ? name : null;
  }

  /** The dataset's options: everything but {@code type}. */
  public Map<String, Object> datasetOptions() {
    Map<String, Object> options = new LinkedHashMap<>(dataset);
    options.remove("type");
    return options;
  }
}
