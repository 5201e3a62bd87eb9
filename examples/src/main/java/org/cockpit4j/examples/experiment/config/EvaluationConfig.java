package org.cockpit4j.examples.experiment.config;

/**
 * Periodic evaluation of the loss (and, for classification, the accuracy) on a fixed subset of the
 * training data and on the validation data, logged into the Cockpit's output as {@code train_loss},
 * {@code valid_loss}, {@code train_accuracy}, {@code valid_accuracy} (what the Performance gauge
 * plots).
 *
 * @param every evaluate at step 0 and every {@code every} steps, and after the last step; 0
 *     switches evaluation off; default 0
 * @param trainSamples how many training samples to evaluate on; default 1000
 * @param validSamples how many validation samples; default 1000 (all when fewer)
 * @param batchSize samples per forward pass; default 500
 */
public record EvaluationConfig(
    Integer every, Integer trainSamples, Integer validSamples, Integer batchSize) {

  /** Fills the defaults. */
  public EvaluationConfig {
    every = every == null ? 0 : every;
    trainSamples = trainSamples == null ? 1000 : trainSamples;
    validSamples = validSamples == null ? 1000 : validSamples;
    batchSize = batchSize == null ? 500 : batchSize;
  }

  /** No evaluation. */
  public static EvaluationConfig defaults() {
    return new EvaluationConfig(null, null, null, null);
  }

  /** Whether evaluation is on. */
  public boolean enabled() {
    return every > 0;
  }
}
