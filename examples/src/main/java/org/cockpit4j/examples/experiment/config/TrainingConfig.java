package org.cockpit4j.examples.experiment.config;

import java.util.List;

/**
 * How long to train: {@code training: {steps: 300}} or {@code training: {epochs: 2}} (not both),
 * and what to do when the loss or a tracked value becomes NaN or infinite.
 *
 * @param steps optimizer steps, at least 1
 * @param epochs passes over the training data, at least 1
 * @param onDivergence {@code stop} (default): end training at the first step whose loss or tracked
 *     value is NaN or infinite, write every output and report the run as diverged; {@code
 *     continue}: keep training and logging (the non-finite values are logged as {@code NaN}, {@code
 *     Infinity}, {@code -Infinity})
 * @param checkpoint when to write checkpoints for {@code cockpit run --resume}; default none
 */
public record TrainingConfig(
    Integer steps, Integer epochs, String onDivergence, CheckpointConfig checkpoint) {

  /** {@code on_divergence: stop}. */
  public static final String STOP = "stop";

  /** {@code on_divergence: continue}. */
  public static final String CONTINUE = "continue";

  /** The known {@code on_divergence} values. */
  public static final List<String> ON_DIVERGENCE = List.of(STOP, CONTINUE);

  /** Fills the defaults ({@code on_divergence: stop}, no checkpoints). */
  public TrainingConfig {
    onDivergence = onDivergence == null ? STOP : onDivergence;
    checkpoint = checkpoint == null ? CheckpointConfig.defaults() : checkpoint;
  }

  /** {@code steps} or {@code epochs}, with the default {@code on_divergence}. */
  public TrainingConfig(Integer steps, Integer epochs) {
    this(steps, epochs, null, null);
  }

  /** {@code steps} or {@code epochs} and {@code on_divergence}, without checkpoints. */
  public TrainingConfig(Integer steps, Integer epochs, String onDivergence) {
    this(steps, epochs, onDivergence, null);
  }

  /** Whether training stops at the first non-finite value. */
  public boolean stopOnDivergence() {
    return STOP.equals(onDivergence);
  }
}
