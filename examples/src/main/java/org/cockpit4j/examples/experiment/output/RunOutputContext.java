package org.cockpit4j.examples.experiment.output;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;

/**
 * What an output knows about its run.
 *
 * @param directory the run's output directory (write files here)
 * @param name the run's name for titles (the directory's name)
 * @param config the resolved configuration ({@code output.figure_every}, {@code
 *     output.dashboard_port}, ...)
 * @param metadata the JSON Lines log's header metadata: {@code parameters} (names), {@code
 *     quantities}, {@code optimizer} ({@code {type, lr}}), {@code experiment}
 * @param console where to print notes (a no-op stream when the run is quiet)
 * @param warnings where to report problems without failing the run
 */
public record RunOutputContext(
    Path directory,
    String name,
    ExperimentConfig config,
    Map<String, Object> metadata,
    PrintStream console,
    Consumer<String> warnings) {

  /** Copies the metadata. */
  public RunOutputContext {
    metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }
}
