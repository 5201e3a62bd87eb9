/**
 * Experiments from YAML files: {@link org.cockpit4j.examples.experiment.ExperimentRunner} loads a
 * file ({@code config}), discovers plugins ({@code plugin}), checks every point ({@link
 * org.cockpit4j.examples.experiment.ExperimentValidator}), wires each run with Guice ({@code
 * wiring}) and runs it ({@code run}); datasets ({@code data}) and outputs such as the figure
 * ({@code output}) are found with {@link java.util.ServiceLoader}. See docs/experiments.md.
 */
package org.cockpit4j.examples.experiment;
