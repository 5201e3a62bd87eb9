package org.cockpit4j.train;

/**
 * Receives the metrics of every finished training step (after its temporaries were freed), for
 * example to print progress or append to a metrics file.
 */
@FunctionalInterface
public interface TrainingListener {

  /** Called once per finished step, in step order. */
  void onStep(StepMetrics metrics);
}
