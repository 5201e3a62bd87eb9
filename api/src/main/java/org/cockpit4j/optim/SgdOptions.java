package org.cockpit4j.optim;

/**
 * Hyper-parameters of {@link Sgd}, with {@code torch.optim.SGD}'s names, defaults and checks.
 *
 * <pre>{@code
 * SgdOptions options = SgdOptions.of(0.05).withMomentum(0.9).withNesterov(true);
 * }</pre>
 *
 * @param learningRate {@code lr}, at least 0
 * @param momentum μ, at least 0 (0: no momentum buffer)
 * @param dampening scales the new gradient in the momentum update by {@code 1 − dampening}
 * @param weightDecay L2 penalty, at least 0: {@code weightDecay·θ} is added to the gradient
 * @param nesterov Nesterov momentum; needs a positive momentum and zero dampening
 */
public record SgdOptions(
    double learningRate, double momentum, double dampening, double weightDecay, boolean nesterov) {

  /** Validates like PyTorch does. */
  public SgdOptions {
    OptimizerChecks.atLeast("learning rate", learningRate, 0.0);
    OptimizerChecks.atLeast("momentum", momentum, 0.0);
    OptimizerChecks.atLeast("weight_decay", weightDecay, 0.0);
    if (!Double.isFinite(dampening)) {
      throw new IllegalArgumentException("Invalid dampening " + dampening + ": it must be finite");
    }
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException(
          "Nesterov momentum requires a momentum > 0 and zero dampening, got momentum "
              + momentum
              + " and dampening "
              + dampening);
    }
  }

  /** Plain SGD with learning rate {@code learningRate} (PyTorch's defaults otherwise). */
  public static SgdOptions of(double learningRate) {
    return new SgdOptions(learningRate, 0.0, 0.0, 0.0, false);
  }

  public SgdOptions withLearningRate(double value) {
    return new SgdOptions(value, momentum, dampening, weightDecay, nesterov);
  }

  public SgdOptions withMomentum(double value) {
    return new SgdOptions(learningRate, value, dampening, weightDecay, nesterov);
  }

  public SgdOptions withDampening(double value) {
    return new SgdOptions(learningRate, momentum, value, weightDecay, nesterov);
  }

  public SgdOptions withWeightDecay(double value) {
    return new SgdOptions(learningRate, momentum, dampening, value, nesterov);
  }

  public SgdOptions withNesterov(boolean value) {
    return new SgdOptions(learningRate, momentum, dampening, weightDecay, value);
  }
}
