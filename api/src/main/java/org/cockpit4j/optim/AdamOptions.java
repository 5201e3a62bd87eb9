package org.cockpit4j.optim;

/**
 * Hyper-parameters of {@link Adam}, with {@code torch.optim.Adam}'s names, defaults and checks
 * ({@code amsgrad}, {@code maximize} and the other flags are always false).
 *
 * <pre>{@code
 * AdamOptions options = AdamOptions.of(0.01).withBetas(0.9, 0.99);
 * }</pre>
 *
 * @param learningRate {@code lr}, at least 0 (PyTorch's default 1e-3)
 * @param beta1 decay of the first moment, in [0, 1)
 * @param beta2 decay of the second moment, in [0, 1)
 * @param epsilon added to the bias-corrected root of the second moment, at least 0
 * @param weightDecay L2 penalty, at least 0: {@code weightDecay·θ} is added to the gradient
 */
public record AdamOptions(
    double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {

  /** Validates like PyTorch does. */
  public AdamOptions {
    OptimizerChecks.atLeast("learning rate", learningRate, 0.0);
    OptimizerChecks.atLeast("epsilon", epsilon, 0.0);
    OptimizerChecks.atLeast("weight_decay", weightDecay, 0.0);
    checkBeta("beta1", beta1);
    checkBeta("beta2", beta2);
  }

  private static void checkBeta(String name, double beta) {
    if (!(beta >= 0.0 && beta < 1.0)) {
      throw new IllegalArgumentException(
          "Invalid " + name + " " + beta + ": it must lie in [0, 1)");
    }
  }

  /**
   * Adam with learning rate {@code learningRate} and PyTorch's defaults: betas (0.9, 0.999), eps
   * 1e-8.
   */
  public static AdamOptions of(double learningRate) {
    return new AdamOptions(learningRate, 0.9, 0.999, 1e-8, 0.0);
  }

  public AdamOptions withLearningRate(double value) {
    return new AdamOptions(value, beta1, beta2, epsilon, weightDecay);
  }

  public AdamOptions withBetas(double first, double second) {
    return new AdamOptions(learningRate, first, second, epsilon, weightDecay);
  }

  public AdamOptions withEpsilon(double value) {
    return new AdamOptions(learningRate, beta1, beta2, value, weightDecay);
  }

  public AdamOptions withWeightDecay(double value) {
    return new AdamOptions(learningRate, beta1, beta2, epsilon, value);
  }
}
