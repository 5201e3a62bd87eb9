package org.cockpit4j.quantity;

/**
 * A single-step quantity that needs nothing beyond the plain backward pass (the original's {@code
 * ByproductQuantity}: Loss, Parameters, GradNorm, Time).
 */
public abstract class ByproductQuantity extends SingleStepQuantity {

  /** A quantity tracked on {@code schedule}. */
  protected ByproductQuantity(Schedule schedule) {
    super(schedule);
  }

  @Override
  public final Needs needs(StepInfo info) {
    return Needs.none();
  }
}
