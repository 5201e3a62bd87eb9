package org.cockpit4j.optim;

/**
 * The learning rate as a function of the global step, starting from a base learning rate given at
 * construction: the closed forms of PyTorch's {@code torch.optim.lr_scheduler} classes.
 *
 * <p>When it is applied: before optimizer step {@code k} (0-based, the global step) the trainer
 * sets the optimizer's learning rate to {@code learningRate(k)}, so step 0 uses {@code
 * learningRate(0)} (the base rate for every schedule here). This matches PyTorch's usual loop,
 * where {@code scheduler.step()} follows {@code optimizer.step()} and optimizer step {@code k} runs
 * with the scheduler's {@code last_epoch == k}: the schedule counts optimizer steps, not epochs.
 */
@FunctionalInterface
public interface LearningRateSchedule {

  /** The learning rate for global step {@code step} (0-based, at least 0). */
  double learningRate(int step);
}
