package org.cockpit4j.optim;

/**
 * Decays the learning rate by {@code gamma} every {@code stepSize} steps: {@code lr(k) =
 * baseLearningRate · gamma^⌊k / stepSize⌋}, the closed form of PyTorch's {@code StepLR}.
 *
 * @param baseLearningRate the rate of the first {@code stepSize} steps
 * @param stepSize period of the decay, in steps, positive
 * @param gamma multiplicative factor, at least 0 (PyTorch's default 0.1)
 */
public record StepSchedule(double baseLearningRate, int stepSize, double gamma)
    implements LearningRateSchedule {

  /** Validates the arguments. */
  public StepSchedule {
    OptimizerChecks.atLeast("base learning rate", baseLearningRate, 0.0);
    ScheduleChecks.checkPositive("StepSchedule stepSize", stepSize);
    OptimizerChecks.atLeast("gamma", gamma, 0.0);
  }

  @Override
  public double learningRate(int step) {
    ScheduleChecks.checkStep(step);
    return baseLearningRate * Math.pow(gamma, step / stepSize);
  }
}
