package org.cockpit4j.quantities;

import org.cockpit4j.checkpoint.StateReader;

/** Checks of restored quantity states. */
final class StateChecks {
  private StateChecks() {}

  /** The histogram range {@code [low, high]} under {@code key}. */
  static double[] range(StateReader state, String key) {
    double[] range = state.getDoubles(key);
    if (range == null || range.length != 2) {
      throw state.error(
          key + " must be a histogram range [low, high], got " + java.util.Arrays.toString(range));
    }
    return range;
  }
}
