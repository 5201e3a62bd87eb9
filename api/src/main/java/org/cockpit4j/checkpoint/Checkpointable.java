package org.cockpit4j.checkpoint;

/**
 * Something that keeps state between training steps and can put it into a checkpoint: the trainer
 * (global step, parameters), layers (dropout's draw counter), optimizers (momentum buffers,
 * moments, step counter), the batch iterator (epoch and position), the Cockpit and its quantities
 * (pending two-step measurements, warm starts, histogram ranges, the log).
 *
 * <p>The contract: {@link #saveState} is called between training steps (after step k − 1 finished,
 * optimizer update and listeners included, before step k begins) and writes everything that the
 * following steps read besides the configuration the object was built from; {@link #restoreState}
 * is called on a freshly built object with the same configuration, before its first step, and
 * leaves it in a state from which the following steps compute exactly (bit for bit) what the saved
 * object would have computed. Both methods default to "stateless": an object that keeps nothing
 * between steps (most quantities, most layers) implements neither.
 *
 * <p>Versions: {@link StateWriter#putState} records {@link #stateVersion()} with the state; {@link
 * StateReader#restoreState} refuses a state written by a newer version and hands older ones to
 * {@link #restoreState}, which can read {@link StateReader#version()} to convert them. Change the
 * version when the layout of the state changes.
 */
public interface Checkpointable {

  /** The version of the layout {@link #saveState} writes (default 1). */
  default int stateVersion() {
    return 1;
  }

  /** Writes the state (default: nothing, the object is stateless). */
  default void saveState(StateWriter state) {}

  /**
   * Replaces the state with one written by {@link #saveState} (default: nothing to restore). Fails
   * with a {@link CheckpointException} (from the reader's accessors or {@link StateReader#error})
   * naming the mismatch when the state does not fit this object.
   */
  default void restoreState(StateReader state) {}
}
