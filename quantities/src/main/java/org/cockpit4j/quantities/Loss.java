package org.cockpit4j.quantities;

import org.cockpit4j.quantity.ByproductQuantity;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;

/** The mini-batch loss L (mean reduction), a float. Needs nothing. */
public final class Loss extends ByproductQuantity {

  /** Tracked on {@code schedule}. */
  public Loss(Schedule schedule) {
    super(schedule);
  }

  @Override
  protected Object compute(TrackedStep step) {
    return step.info().loss();
  }
}
