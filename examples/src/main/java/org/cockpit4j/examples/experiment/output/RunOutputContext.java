package org.cockpit4j.examples.experiment.output;

import java.io.PrintStream;
import java.nio.file.Path;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;

/**
 * What an output knows about its run.
 *
 * @param directory the run's output directory (write files here)
 * @param config the resolved configuration
 * @param title a title for figures, e.g. {@code Cockpit for sgd — fmnist_basic}
 * @param console where to print notes (never null; a no-op stream when the run is quiet)
 */
public record RunOutputContext(
    Path directory, ExperimentConfig config, String title, PrintStream console) {}
