package org.cockpit4j.examples.experiment.output;

import org.cockpit4j.log.LogSink;

/**
 * Something a run produces from the Cockpit's values while it trains and when it ends: the cockpit
 * figure ({@code figure}), the diagnosis ({@code diagnosis}), the live dashboard ({@code
 * dashboard}). Found with {@link java.util.ServiceLoader} on the class path and in plugin jars
 * (list implementations in {@code
 * META-INF/services/org.cockpit4j.examples.experiment.output.RunOutputProvider}).
 *
 * <p>An output is a {@link LogSink} attached to the run's Cockpit: it receives every value as it is
 * stored (quantities, evaluations, the learning rate), exactly what the JSON Lines log gets, and is
 * closed when training ends (the place for final renderings). It must not throw into the training
 * loop: report problems through {@link RunOutputContext#warnings()}. The run asks for the names its
 * {@code output} section switches on; a name nobody provides is skipped with a note.
 */
public interface RunOutputProvider {

  /** The name: {@code figure}, {@code diagnosis}, {@code dashboard}, or a plugin's own. */
  String name();

  /** One line for {@code cockpit list}. */
  String description();

  /** Starts the output for one run. */
  LogSink open(RunOutputContext context);
}
