package org.cockpit4j.extension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Wall-clock time per named phase of one step, for performance breakdowns (the bench's {@code
 * --breakdown}): the engine and the Cockpit add the time of each phase they run while a timings
 * object is installed, and the caller takes the step's totals after the step.
 *
 * <p>Phase names are paths with {@code " / "} between levels: a phase {@code "a / b"} runs inside
 * phase {@code "a"} and its time is part of it. Times of one name add up within a step.
 *
 * <pre>{@code
 * long start = timings.start();
 * ... // the phase
 * timings.stop("backward / rule batch_dot", start);
 * Map<String, PhaseTimings.Phase> phases = timings.take(); // after the step
 * }</pre>
 *
 * <p>Not thread-safe: one per training loop.
 */
public final class PhaseTimings {
  /**
   * One phase's total in a step.
   *
   * @param milliseconds the summed wall-clock time
   * @param calls how often the phase ran
   */
  public record Phase(double milliseconds, long calls) {}

  private final Map<String, long[]> phases = new LinkedHashMap<>();
  private final LongSupplier clock;

  /** Timings by wall-clock time ({@link System#nanoTime}). */
  public PhaseTimings() {
    this(System::nanoTime);
  }

  /**
   * Timings by another clock in nanoseconds (e.g. the CPU time of all threads, on a shared machine
   * where wall-clock time depends on the load).
   */
  public PhaseTimings(LongSupplier clock) {
    this.clock = clock;
  }

  /** The start time of a phase (pass it to {@link #stop}). */
  public long start() {
    return clock.getAsLong();
  }

  /** Adds the time since {@code start} to {@code phase}. */
  public void stop(String phase, long start) {
    add(phase, clock.getAsLong() - start);
  }

  /** Adds {@code elapsedNanos} to {@code phase}. */
  public void add(String phase, long elapsedNanos) {
    long[] total = phases.computeIfAbsent(phase, unused -> new long[2]);
    total[0] += elapsedNanos;
    total[1]++;
  }

  /** The phases since the last call, in first-seen order; then starts afresh. */
  public Map<String, Phase> take() {
    Map<String, Phase> result = new LinkedHashMap<>();
    phases.forEach((phase, total) -> result.put(phase, new Phase(total[0] / 1e6, total[1])));
    phases.clear();
    return result;
  }
}
