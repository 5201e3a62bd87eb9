package org.cockpit4j.examples.cli;

import org.cockpit4j.train.StepMetrics;

/** Prints a progress line every few steps: step, loss, time per step and the remaining time. */
final class Progress {
  private final int totalSteps;
  private final int every;
  private final long start = System.nanoTime();
  private int seen;

  Progress(int totalSteps, int every) {
    this.totalSteps = totalSteps;
    this.every = Math.max(1, every);
  }

  void report(StepMetrics step) {
    seen++;
    if (seen % every != 0 && seen != totalSteps) {
      return;
    }
    double elapsedSeconds = (System.nanoTime() - start) / 1e9;
    double perStep = elapsedSeconds / seen;
    double remaining = perStep * (totalSteps - seen);
    System.out.printf(
        "step %5d/%d  loss %.4f  %.1f ms/step  %.0f samples/s  ETA %.0f s%n",
        step.globalStep() + 1,
        totalSteps,
        step.loss(),
        1000 * perStep,
        step.batchSize() / perStep,
        remaining);
  }
}
