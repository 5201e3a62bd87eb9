/**
 * The experiment file: immutable configuration records bound strictly from YAML by {@link
 * org.cockpit4j.examples.experiment.config.ExperimentLoader}, with every mistake reported as a
 * {@link org.cockpit4j.examples.experiment.config.ConfigException} at its line and column.
 */
package org.cockpit4j.examples.experiment.config;
