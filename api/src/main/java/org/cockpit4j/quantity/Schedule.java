package org.cockpit4j.quantity;

/**
 * Decides at which global steps a quantity is tracked: a function from the step to a boolean, like
 * the original's {@code track_schedule}. Build the usual ones with {@link Schedules}; any lambda
 * works too. Implementations should say what they do in {@link Object#toString()} (it is logged).
 */
@FunctionalInterface
public interface Schedule {

  /** Whether step {@code step} is scheduled. */
  boolean test(int step);
}
