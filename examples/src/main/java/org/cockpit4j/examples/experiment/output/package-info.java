/**
 * Run outputs fed by the Cockpit's values: the SPI ({@link
 * org.cockpit4j.examples.experiment.output.RunOutputProvider}) and the built-in figure, diagnosis
 * and dashboard.
 */
package org.cockpit4j.examples.experiment.output;
