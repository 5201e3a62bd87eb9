package org.cockpit4j.optim;

/** Argument checks shared by the learning-rate schedules. */
final class ScheduleChecks {
  private ScheduleChecks() {}

  static void checkStep(int step) {
    if (step < 0) {
      throw new IllegalArgumentException(
          "A learning-rate schedule is defined for steps >= 0, got step " + step);
    }
  }

  static void checkPositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be a positive integer, got " + value);
    }
  }
}
