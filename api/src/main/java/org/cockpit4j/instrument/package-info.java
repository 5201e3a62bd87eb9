/**
 * The Instrument SPI: gauges that read typed quantity outputs ({@link
 * org.cockpit4j.instrument.OutputKey}) from a run's log ({@link org.cockpit4j.instrument.RunData})
 * and describe what to draw as a chart-library-free {@link org.cockpit4j.instrument.GaugeView}.
 *
 * <p>Renderers live outside {@code api}: the {@code instruments} module draws gauge views with
 * JFreeChart into the cockpit figure (PNG, SVG), the {@code dashboard} module sends them as JSON to
 * a browser. Instruments are found through {@link java.util.ServiceLoader} ({@link Instruments}).
 */
package org.cockpit4j.instrument;
