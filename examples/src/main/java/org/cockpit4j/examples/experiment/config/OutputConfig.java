package org.cockpit4j.examples.experiment.config;

/**
 * Where and what a run writes. Relative directories are resolved against the working directory.
 *
 * @param directory the output directory; default {@code runs/<experiment name>}
 * @param figureEvery refresh the cockpit figure every this many steps (and at the end); 0: only at
 *     the end; default 0
 * @param figure whether to draw the cockpit figure at all; default true
 * @param dashboard whether to serve the live dashboard; default false
 * @param diagnosis whether to write the diagnosis at the end; default true
 * @param originalLog whether to write the log in the original's JSON layout at the end ({@code
 *     cockpit.json}); default true
 */
public record OutputConfig(
    String directory,
    Integer figureEvery,
    Boolean figure,
    Boolean dashboard,
    Boolean diagnosis,
    Boolean originalLog) {

  /** Fills the defaults. */
  public OutputConfig {
    figureEvery = figureEvery == null ? 0 : figureEvery;
    figure = figure == null ? Boolean.TRUE : figure;
    dashboard = dashboard == null ? Boolean.FALSE : dashboard;
    diagnosis = diagnosis == null ? Boolean.TRUE : diagnosis;
    originalLog = originalLog == null ? Boolean.TRUE : originalLog;
  }

  /** The defaults. */
  public static OutputConfig defaults() {
    return new OutputConfig(null, null, null, null, null, null);
  }
}
