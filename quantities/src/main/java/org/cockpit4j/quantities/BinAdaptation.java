package org.cockpit4j.quantities;

import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.TrackedStep;

/**
 * How a histogram's range follows the data (the original's {@code bin_adaptation}): at the steps of
 * its own schedule, after the histogram of that step (if any) was computed, the range becomes
 * {@code [−end, end]} with {@code end = (1 + padding)·max(minSize/2, m)}; the new range applies
 * from the next histogram on. Implementations: {@link #none()}, {@link GradAbsMax}, {@link
 * ParamAbsMax}.
 */
public interface BinAdaptation {

  /** Never adapts (the original's {@code NoAdaptation}). */
  static BinAdaptation none() {
    return NoAdaptation.INSTANCE;
  }

  /** Whether the range is adapted at {@code step}. */
  boolean shouldCompute(int step);

  /** What the backward pass of an adaptation step must provide. */
  Needs needs(int step);

  /** The new range {@code [low, high]} at an adaptation step. */
  double[] adapt(TrackedStep step, double[] currentRange);

  /** The range {@code [−end, end]} from the largest magnitude {@code m}. */
  static double[] symmetricRange(double largest, double padding, double minSize) {
    double end = (1 + padding) * Math.max(minSize / 2, largest);
    return new double[] {-end, end};
  }
}
