package org.cockpit4j.quantities;

import org.cockpit4j.quantity.ByproductQuantity;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;

/** Wall-clock seconds since the Unix epoch at tracking time (Python's {@code time.time()}). */
public final class Time extends ByproductQuantity {

  /** Tracked on {@code schedule}. */
  public Time(Schedule schedule) {
    super(schedule);
  }

  @Override
  protected Object compute(TrackedStep step) {
    return System.currentTimeMillis() / 1000.0;
  }
}
