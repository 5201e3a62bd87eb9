package org.cockpit4j.train;

import java.util.Iterator;
import java.util.List;
import org.cockpit4j.data.Batch;

/**
 * Supplies the mini-batch of each training step.
 *
 * <p>Ownership: {@link Trainer} calls {@link #next} inside the step's {@link
 * org.cockpit4j.tensor.TensorScope}, so tensors a source creates in {@code next} are freed at the
 * end of the step; tensors it made earlier (outside any scope) stay the source's to close. The
 * trainer never closes a batch itself.
 */
@FunctionalInterface
public interface BatchSource {

  /**
   * The batch for global step {@code step}, or null when the source is exhausted (training then
   * stops early). Receiving the step lets a source pick its batch deterministically, for example
   * when training resumes from a checkpoint.
   */
  Batch next(int step);

  /** A source that hands out the iterator's batches in order, ignoring the step number. */
  static BatchSource of(Iterator<Batch> batches) {
    return step -> batches.hasNext() ? batches.next() : null;
  }

  /**
   * A source that cycles through {@code batches}: step k gets batch {@code k mod size}. The batches
   * stay the caller's to close.
   */
  static BatchSource cycling(List<Batch> batches) {
    List<Batch> copy = List.copyOf(batches);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("A cycling batch source needs at least one batch");
    }
    return step -> copy.get(step % copy.size());
  }
}
