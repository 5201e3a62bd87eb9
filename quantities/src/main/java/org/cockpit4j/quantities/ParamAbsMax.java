package org.cockpit4j.quantities;

import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;

/**
 * Adapts a histogram range to the largest parameter magnitude {@code m = max_j |θ_j|}: {@code
 * [−end, end]}, {@code end = (1 + padding)·max(minSize/2, m)}. Needs nothing from the backward
 * pass.
 */
public final class ParamAbsMax implements BinAdaptation {
  private final Schedule schedule;
  private final double padding;
  private final double minSize;

  /** Adapting on {@code schedule} with padding 0 and minimum size 1e-6. */
  public ParamAbsMax(Schedule schedule) {
    this(schedule, 0.0, 1e-6);
  }

  /** Adapting on {@code schedule} with the given padding and minimum size. */
  public ParamAbsMax(Schedule schedule, double padding, double minSize) {
    this.schedule = schedule;
    this.padding = padding;
    this.minSize = minSize;
  }

  @Override
  public boolean shouldCompute(int step) {
    return schedule.test(step);
  }

  @Override
  public Needs needs(int step) {
    return Needs.none();
  }

  @Override
  public double[] adapt(TrackedStep step, double[] currentRange) {
    double largest = 0;
    for (double[] values : step.parameterValues()) {
      for (double value : values) {
        largest = Math.max(largest, Math.abs(value));
      }
    }
    return BinAdaptation.symmetricRange(largest, padding, minSize);
  }

  @Override
  public String toString() {
    return "ParamAbsMax(padding=" + padding + ", min_size=" + minSize + ", " + schedule + ")";
  }
}
