package org.cockpit4j.quantity;

/**
 * A quantity computed and stored at the scheduled steps themselves (the original's {@code
 * SingleStepQuantity}).
 */
public abstract class SingleStepQuantity extends Quantity {

  /** A quantity tracked on {@code schedule}. */
  protected SingleStepQuantity(Schedule schedule) {
    super(schedule);
  }

  @Override
  public boolean shouldCompute(int step) {
    return schedule().test(step);
  }

  /** The value of the step, or null to store nothing. */
  protected abstract Object compute(TrackedStep step);

  @Override
  public QuantityOutput track(TrackedStep step) {
    Object value = compute(step);
    return value == null ? null : QuantityOutput.of(step.step(), value);
  }
}
