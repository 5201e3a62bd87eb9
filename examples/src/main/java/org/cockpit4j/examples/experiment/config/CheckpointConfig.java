package org.cockpit4j.examples.experiment.config;

/**
 * Checkpoints of a run: {@code training: {steps: 5000, checkpoint: {every: 500}}} writes the whole
 * training state (parameters, optimizer, data position, random streams, the Cockpit's pending
 * measurements and logs) into {@code <output>/checkpoints/step-<k>/} every {@code every} steps;
 * {@code cockpit run --resume <output>} continues from the newest one exactly as if the run had not
 * stopped.
 *
 * @param every write a checkpoint after every this many steps; 0 (default) writes none
 * @param keep how many of the newest checkpoints to keep (at least 1); default 2
 */
public record CheckpointConfig(Integer every, Integer keep) {

  /** Fills the defaults. */
  public CheckpointConfig {
    every = every == null ? 0 : every;
    keep = keep == null ? 2 : keep;
  }

  /** No checkpoints. */
  public static CheckpointConfig defaults() {
    return new CheckpointConfig(null, null);
  }

  /** Whether checkpoints are written. */
  public boolean enabled() {
    return every > 0;
  }
}
