/**
 * One run: training with the Cockpit attached, evaluation, progress, metrics, summary and
 * provenance ({@link org.cockpit4j.examples.experiment.run.ExperimentRun}).
 */
package org.cockpit4j.examples.experiment.run;
