package org.cockpit4j.optim;

/**
 * Cosine annealing with warm restarts (Loshchilov and Hutter, "SGDR: Stochastic Gradient Descent
 * with Warm Restarts", ICLR 2017), the closed form of PyTorch's {@code
 * CosineAnnealingWarmRestarts}: cycle i lasts {@code T_i = T_0 · T_mult^i} steps, and within a
 * cycle, {@code T_cur} steps after its start,
 *
 * <pre>
 * lr(k) = η_min + (η_base − η_min) · (1 + cos(π·T_cur / T_i)) / 2
 * </pre>
 *
 * so the rate jumps back to η_base at every restart. The cycle is found with integer arithmetic, so
 * restarts fall exactly on steps {@code T_0·(T_mult^n − 1)/(T_mult − 1)}; PyTorch locates it with a
 * floating-point logarithm ({@code int(math.log(k/T_0·(T_mult−1) + 1, T_mult))}), which can
 * misplace a restart by one step where that logarithm rounds below an integer.
 *
 * @param baseLearningRate η_base, the rate at step 0 and after every restart
 * @param firstCycleSteps T_0, the length of the first cycle, positive
 * @param cycleGrowth T_mult, the factor by which each cycle is longer than the previous, at least 1
 * @param minimumLearningRate η_min (PyTorch's {@code eta_min}, default 0)
 */
public record CosineWarmRestartsSchedule(
    double baseLearningRate, int firstCycleSteps, int cycleGrowth, double minimumLearningRate)
    implements LearningRateSchedule {

  /** Validates the arguments. */
  public CosineWarmRestartsSchedule {
    OptimizerChecks.atLeast("base learning rate", baseLearningRate, 0.0);
    ScheduleChecks.checkPositive("CosineWarmRestartsSchedule T_0", firstCycleSteps);
    ScheduleChecks.checkPositive("CosineWarmRestartsSchedule T_mult", cycleGrowth);
    OptimizerChecks.atLeast("eta_min", minimumLearningRate, 0.0);
  }

  @Override
  public double learningRate(int step) {
    ScheduleChecks.checkStep(step);
    long stepsIntoCycle;
    long cycleLength = firstCycleSteps;
    if (cycleGrowth == 1) {
      stepsIntoCycle = step % firstCycleSteps;
    } else {
      long cycleStart = 0;
      while (step >= cycleStart + cycleLength) {
        cycleStart += cycleLength;
        cycleLength *= cycleGrowth;
      }
      stepsIntoCycle = step - cycleStart;
    }
    return minimumLearningRate
        + (baseLearningRate - minimumLearningRate)
            * (1 + Math.cos(Math.PI * stepsIntoCycle / cycleLength))
            / 2;
  }
}
