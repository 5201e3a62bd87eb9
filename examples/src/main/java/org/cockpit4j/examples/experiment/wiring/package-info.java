/**
 * The Guice wiring of a run ({@link org.cockpit4j.examples.experiment.wiring.ExperimentModule}) and
 * the factories that build its parts from the parsed configuration.
 */
package org.cockpit4j.examples.experiment.wiring;
