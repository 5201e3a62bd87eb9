package org.cockpit4j.quantities;

import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.TrackedStep;

/** A fixed histogram range. */
enum NoAdaptation implements BinAdaptation {
  INSTANCE;

  @Override
  public boolean shouldCompute(int step) {
    return false;
  }

  @Override
  public Needs needs(int step) {
    return Needs.none();
  }

  @Override
  public double[] adapt(TrackedStep step, double[] currentRange) {
    return currentRange.clone();
  }

  @Override
  public String toString() {
    return "NoAdaptation";
  }
}
