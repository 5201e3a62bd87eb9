/**
 * The built-in gauges, one {@link org.cockpit4j.instrument.Instrument} per file, registered in
 * {@code META-INF/services/org.cockpit4j.instrument.Instrument}: the original Cockpit's primary
 * screen (step size, gradients, curvature, hyperparameters, performance), its secondary screen
 * (mean GSNR, CABS, early stopping, per-parameter 2-D histograms) and per-parameter line gauges.
 */
package org.cockpit4j.instruments.gauges;
