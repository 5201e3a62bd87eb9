package org.cockpit4j.nn;

import org.cockpit4j.tensor.Tensor;

/**
 * A mean-reduced loss L = (1/N) Σ_n ℓ_n over a batch of network outputs, together with the
 * individual losses ℓ_n that the Cockpit needs.
 */
public interface Loss {

  /** {@code cross_entropy} or {@code mse}. */
  String type();

  /**
   * Evaluates the loss. {@code targets} are class indices {@code [N]} (integer values in the
   * outputs' dtype) for classification, or {@code [N, D]} for regression. Caches what backward and
   * the curvature extensions need.
   */
  LossValue forward(Tensor outputs, Tensor targets);

  /** dL/d(outputs) of the last forward pass (includes the 1/N of the mean). */
  Tensor backward();
}
