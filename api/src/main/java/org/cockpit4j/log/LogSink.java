package org.cockpit4j.log;

import java.util.Map;

/**
 * Receives the values the Cockpit stores, as soon as a tracked step is finished: the JSON Lines
 * log, a dashboard, a test. A two-step quantity stores the value of step k when step k + 1 is
 * tracked, so one step's values can arrive in several calls.
 */
public interface LogSink extends AutoCloseable {

  /** Values stored under {@code step} by one tracking, by key (sorted). */
  void write(int step, Map<String, Object> values);

  /** Flushes and releases resources. */
  @Override
  default void close() {}
}
