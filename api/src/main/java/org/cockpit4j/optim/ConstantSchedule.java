package org.cockpit4j.optim;

/**
 * The same learning rate at every step (no scheduler in PyTorch).
 *
 * @param baseLearningRate the learning rate
 */
public record ConstantSchedule(double baseLearningRate) implements LearningRateSchedule {

  /** Validates the rate. */
  public ConstantSchedule {
    OptimizerChecks.atLeast("base learning rate", baseLearningRate, 0.0);
  }

  @Override
  public double learningRate(int step) {
    ScheduleChecks.checkStep(step);
    return baseLearningRate;
  }
}
