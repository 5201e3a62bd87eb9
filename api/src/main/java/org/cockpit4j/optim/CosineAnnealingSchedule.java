package org.cockpit4j.optim;

/**
 * Cosine annealing from the base rate down to {@code minimumLearningRate} over {@code maximumSteps}
 * steps (Loshchilov and Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017),
 * the closed form of PyTorch's {@code CosineAnnealingLR}:
 *
 * <pre>
 * lr(k) = η_min + (η_base − η_min) · (1 + cos(π·k / T_max)) / 2
 * </pre>
 *
 * Past {@code T_max} the closed form keeps following the cosine (rising again after {@code T_max},
 * periodic with period {@code 2·T_max}), as PyTorch's closed form does; there is no restart.
 *
 * @param baseLearningRate η_base, the rate at step 0
 * @param maximumSteps T_max, the number of steps to reach η_min, positive
 * @param minimumLearningRate η_min (PyTorch's {@code eta_min}, default 0)
 */
public record CosineAnnealingSchedule(
    double baseLearningRate, int maximumSteps, double minimumLearningRate)
    implements LearningRateSchedule {

  /** Validates the arguments. */
  public CosineAnnealingSchedule {
    OptimizerChecks.atLeast("base learning rate", baseLearningRate, 0.0);
    ScheduleChecks.checkPositive("CosineAnnealingSchedule T_max", maximumSteps);
    OptimizerChecks.atLeast("eta_min", minimumLearningRate, 0.0);
  }

  @Override
  public double learningRate(int step) {
    ScheduleChecks.checkStep(step);
    return minimumLearningRate
        + (baseLearningRate - minimumLearningRate)
            * (1 + Math.cos(Math.PI * step / maximumSteps))
            / 2;
  }
}
