package org.cockpit4j.quantity;

import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.optim.Sgd;

/**
 * What the Cockpit knows about a step before its backward pass (the original's {@code info}): the
 * loss, the individual losses, the batch size and the optimizer, and the parameters at θ_k.
 *
 * @param step the global step k
 * @param loss the mean loss L at θ_k
 * @param individualLosses ℓ_n, with L = mean ℓ_n (a copy is kept)
 * @param batchSize N
 * @param optimizer the optimizer that will take step k, or null when unknown (then Alpha uses the
 *     parameter difference and CABS/EarlyStopping refuse)
 * @param parameters the tracked parameters in order
 */
public record StepInfo(
    int step,
    double loss,
    double[] individualLosses,
    int batchSize,
    Optimizer optimizer,
    List<Parameter> parameters) {

  /** Validates and copies. */
  public StepInfo {
    if (batchSize < 1) {
      throw new IllegalArgumentException("The batch size must be at least 1, got " + batchSize);
    }
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("The Cockpit needs at least one parameter to track");
    }
    individualLosses = individualLosses.clone();
    parameters = List.copyOf(parameters);
  }

  /** ℓ_n (a copy). */
  @Override
  public double[] individualLosses() {
    return individualLosses.clone();
  }

  /** The backend the parameters live on. */
  public Backend backend() {
    return parameters.get(0).value().backend();
  }

  /** D, the total number of parameter entries. */
  public int parameterCount() {
    int count = 0;
    for (Parameter parameter : parameters) {
      count += parameter.size();
    }
    return count;
  }

  /** True when the optimizer is known. */
  public boolean hasOptimizer() {
    return optimizer != null;
  }

  /**
   * Whether the optimizer is zero-momentum SGD with PyTorch's default keyword arguments (the
   * original's {@code is_sgd_default_kwargs}): what CABS, EarlyStopping and Alpha's gradient path
   * require.
   */
  public boolean isPlainSgd() {
    return optimizer instanceof Sgd sgd && sgd.isPlain();
  }

  /** The optimizer's learning rate for step k; fails when there is no optimizer. */
  public double learningRate() {
    if (optimizer == null) {
      throw new IllegalStateException(
          "Step " + step + " was tracked without an optimizer, so there is no learning rate");
    }
    return optimizer.learningRate();
  }
}
