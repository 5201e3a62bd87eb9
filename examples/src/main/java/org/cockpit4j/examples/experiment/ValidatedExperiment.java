package org.cockpit4j.examples.experiment;

import org.cockpit4j.examples.experiment.config.ExperimentConfig;
import org.cockpit4j.examples.experiment.config.ExperimentPoint;
import org.cockpit4j.examples.experiment.config.SourceMap;
import org.cockpit4j.examples.experiment.data.DataShape;
import org.cockpit4j.tensor.DType;

/**
 * An experiment point that passed {@link ExperimentValidator}: every name is known, every value in
 * range, and the model's shapes chain from the data to the loss.
 *
 * @param point the point
 * @param dataShape the dataset's shapes
 * @param dtype the parsed dtype
 */
public record ValidatedExperiment(ExperimentPoint point, DataShape dataShape, DType dtype) {

  /** The configuration. */
  public ExperimentConfig config() {
    return point.config();
  }

  /** Where each key was written. */
  public SourceMap sources() {
    return point.sources();
  }
}
