package org.cockpit4j.examples.experiment.output;

import org.cockpit4j.log.CockpitLog;

/** One output of one run (see {@link RunOutputProvider}). Called on the training thread. */
public interface RunOutput extends AutoCloseable {

  /**
   * Called after step {@code step} when the output is due ({@code output.figure_every}); {@code
   * log} holds everything stored so far (do not modify it).
   */
  default void refresh(int step, CockpitLog log) {}

  /** Called once after the last step with the complete log. */
  default void finish(CockpitLog log) {}

  /** Releases resources (a server, a window). */
  @Override
  default void close() {}
}
