package org.cockpit4j.examples.cli;

import org.cockpit4j.train.BatchSource;
import org.cockpit4j.train.PeakHeap;
import org.cockpit4j.train.StepMetrics;

/**
 * A plain and a tracked training step timed in one run: blocks of plain and tracked steps
 * alternate, so load on a shared machine hits both alike.
 *
 * @param plainMedian median ms of a plain step
 * @param trackedMedian median ms of a step with the Cockpit
 * @param plainPeakHeap peak heap bytes during the plain blocks
 * @param trackedPeakHeap peak heap bytes during the tracked blocks
 */
record OverheadRun(
    double plainMedian, double trackedMedian, long plainPeakHeap, long trackedPeakHeap) {
  private static final int BLOCKS = 5;

  /** The tracked step's median over the plain step's. */
  double ratio() {
    return trackedMedian / plainMedian;
  }

  /** Runs {@code warmup} steps of each, then {@code steps} timed steps of each in blocks. */
  static OverheadRun measure(BenchProblem plain, BenchProblem tracked, int warmup, int steps) {
    return measure(plain, tracked, warmup, 0, steps, null, null);
  }

  /**
   * As {@link #measure(BenchProblem, BenchProblem, int, int)}, warming up for at least {@code
   * warmup} steps of each and {@code warmupSeconds} in all (so that the JIT has compiled the
   * Cockpit's kernels, as in a run of many steps), and recording every timed step's phases into the
   * breakdowns (null: none), which are already attached to the trainers.
   */
  static OverheadRun measure(
      BenchProblem plain,
      BenchProblem tracked,
      int warmup,
      double warmupSeconds,
      int steps,
      StepBreakdown plainBreakdown,
      StepBreakdown trackedBreakdown) {
    BatchSource plainSource = BatchSource.cycling(plain.batches);
    BatchSource trackedSource = BatchSource.cycling(tracked.batches);
    if (plainBreakdown != null) {
      plainSource = plainBreakdown.wrap(plainSource);
    }
    if (trackedBreakdown != null) {
      trackedSource = trackedBreakdown.wrap(trackedSource);
    }
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    for (int i = 0; i < warmup || System.nanoTime() < warmupEnd; i++) {
      plain.trainer.step(plainSource);
      tracked.trainer.step(trackedSource);
    }
    if (plainBreakdown != null) {
      plainBreakdown.clear();
    }
    if (trackedBreakdown != null) {
      trackedBreakdown.clear();
    }
    double[] plainTimes = new double[steps];
    double[] trackedTimes = new double[steps];
    long plainPeak = 0;
    long trackedPeak = 0;
    int done = 0;
    for (int block = 0; block < BLOCKS && done < steps; block++) {
      int size = (steps - done + (BLOCKS - block) - 1) / (BLOCKS - block);
      PeakHeap heap = PeakHeap.start();
      for (int i = 0; i < size; i++) {
        StepMetrics metrics = plain.trainer.step(plainSource);
        plainTimes[done + i] = metrics.stepMilliseconds();
        if (plainBreakdown != null) {
          plainBreakdown.record(metrics);
        }
      }
      plainPeak = Math.max(plainPeak, heap.bytes());
      heap = PeakHeap.start();
      for (int i = 0; i < size; i++) {
        StepMetrics metrics = tracked.trainer.step(trackedSource);
        trackedTimes[done + i] = metrics.stepMilliseconds();
        if (trackedBreakdown != null) {
          trackedBreakdown.record(metrics);
        }
      }
      trackedPeak = Math.max(trackedPeak, heap.bytes());
      done += size;
    }
    return new OverheadRun(
        Statistics.median(plainTimes), Statistics.median(trackedTimes), plainPeak, trackedPeak);
  }
}
