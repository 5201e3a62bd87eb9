package org.cockpit4j.data;

import org.cockpit4j.tensor.Tensor;

/**
 * One mini-batch.
 *
 * @param inputs {@code [N, *inputShape]}
 * @param targets class indices {@code [N]} (integer values in the inputs' dtype) or regression
 *     targets {@code [N, D]}
 */
public record Batch(Tensor inputs, Tensor targets) implements AutoCloseable {

  /** Batch size N. */
  public int size() {
    return inputs.dim(0);
  }

  @Override
  public void close() {
    inputs.close();
    targets.close();
  }
}
