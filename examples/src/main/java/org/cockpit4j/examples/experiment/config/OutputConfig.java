package org.cockpit4j.examples.experiment.config;

/**
 * Where and what a run writes. Relative directories are resolved against the working directory.
 *
 * @param directory the output directory; default {@code runs/<experiment name>}
 * @param figureEvery refresh the cockpit figure every this many steps (and at the end); 0: only at
 *     the end; default 0
 * @param figure whether to draw the cockpit figure at all; default true
 * @param figureFormat {@code png} (default), {@code svg} or {@code both}
 * @param dashboard whether to serve the live dashboard during the run; default false
 * @param dashboardPort the dashboard's port on 127.0.0.1 (0: any free one); default 7070
 * @param diagnosis whether to write the diagnosis at the end; default true
 * @param originalLog whether to write the log in the original's JSON layout at the end ({@code
 *     cockpit.json}); default true
 */
public record OutputConfig(
    String directory,
    Integer figureEvery,
    Boolean figure,
    String figureFormat,
    Boolean dashboard,
    Integer dashboardPort,
    Boolean diagnosis,
    Boolean originalLog) {

  /** Fills the defaults. */
  public OutputConfig {
    figureEvery = figureEvery == null ? 0 : figureEvery;
    figure = figure == null ? Boolean.TRUE : figure;
    figureFormat = figureFormat == null ? "png" : figureFormat;
    dashboard = dashboard == null ? Boolean.FALSE : dashboard;
    dashboardPort = dashboardPort == null ? 7070 : dashboardPort;
    diagnosis = diagnosis == null ? Boolean.TRUE : diagnosis;
    originalLog = originalLog == null ? Boolean.TRUE : originalLog;
  }

  /** The known figure formats. */
  public static final java.util.List<String> FIGURE_FORMATS =
      java.util.List.of("png", "svg", "both");

  /** The defaults. */
  public static OutputConfig defaults() {
    return new OutputConfig(null, null, null, null, null, null, null, null);
  }
}
