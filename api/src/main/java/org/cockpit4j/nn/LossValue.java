package org.cockpit4j.nn;

import org.cockpit4j.tensor.Tensor;

/**
 * The value of a loss on one batch.
 *
 * @param loss the mean loss L, a scalar tensor
 * @param individualLosses ℓ_n, shape {@code [N]}, with L = mean ℓ_n
 */
public record LossValue(Tensor loss, Tensor individualLosses) {

  /** L as a double. */
  public double value() {
    return loss.item();
  }
}
