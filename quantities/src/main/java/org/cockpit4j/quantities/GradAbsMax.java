package org.cockpit4j.quantities;

import org.cockpit4j.quantity.GradientTransform;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.PerSampleGradients;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;

/**
 * Adapts a histogram range to the largest per-sample gradient entry {@code m = max_{n,j} |g_n,j|}:
 * {@code [−end, end]}, {@code end = (1 + padding)·max(minSize/2, m)}. Needs a per-sample maximum at
 * its scheduled steps.
 */
public final class GradAbsMax implements BinAdaptation {
  private final Schedule schedule;
  private final double padding;
  private final double minSize;
  private final GradientTransform<Double> maximum = PerSampleGradients::absMax;

  /** Adapting on {@code schedule} with padding 0 and minimum size 1e-6. */
  public GradAbsMax(Schedule schedule) {
    this(schedule, 0.0, 1e-6);
  }

  /** Adapting on {@code schedule} with the given padding and minimum size. */
  public GradAbsMax(Schedule schedule, double padding, double minSize) {
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
    return shouldCompute(step) ? Needs.builder().transform(maximum).build() : Needs.none();
  }

  @Override
  public double[] adapt(TrackedStep step, double[] currentRange) {
    double largest = 0;
    for (Double value : step.transformResults(maximum)) {
      if (value != null) {
        largest = Math.max(largest, value);
      }
    }
    return BinAdaptation.symmetricRange(largest, padding, minSize);
  }

  @Override
  public String toString() {
    return "GradAbsMax(padding=" + padding + ", min_size=" + minSize + ", " + schedule + ")";
  }
}
