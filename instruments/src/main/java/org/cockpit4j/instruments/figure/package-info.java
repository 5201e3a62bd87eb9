/**
 * The cockpit figure: gauge views drawn with JFreeChart into the original's layout (STEP SIZE /
 * GRADIENTS / CURVATURE columns, hyperparameter and performance panels), headless, to PNG and SVG;
 * and a {@link org.cockpit4j.log.LogSink} that refreshes the figure every K steps during a run.
 */
package org.cockpit4j.instruments.figure;
