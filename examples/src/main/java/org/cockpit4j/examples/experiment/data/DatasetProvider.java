package org.cockpit4j.examples.experiment.data;

import org.cockpit4j.examples.experiment.config.OptionReader;

/**
 * A dataset experiment files can name ({@code data: {dataset: {type: NAME, ...options}}}). Found
 * with {@link java.util.ServiceLoader} on the class path and in plugin jars (list implementations
 * in {@code META-INF/services/org.cockpit4j.examples.experiment.data.DatasetProvider}). A provider
 * must have a public no-argument constructor and be cheap to create; loading happens in {@link
 * #load}.
 */
public interface DatasetProvider {

  /** The type name, e.g. {@code fashion_mnist}. */
  String name();

  /** One line for {@code cockpit list}: what the data are and the options with defaults. */
  String description();

  /**
   * The shapes and class count the options give, without loading anything heavy (it is used to
   * check the model before any data are read). Reads every option it knows and calls {@link
   * OptionReader#requireAllRead()}.
   *
   * @throws org.cockpit4j.examples.experiment.config.ConfigException for bad options
   */
  DataShape shape(OptionReader options);

  /**
   * The training and validation data. Reads the same options as {@link #shape}.
   *
   * @param seed the experiment's seed (for synthetic data and random splits)
   */
  DataSplits load(OptionReader options, long seed);
}
