package org.cockpit4j.examples.experiment.output;

import java.util.EnumSet;
import java.util.Set;
import org.cockpit4j.instruments.figure.CockpitFigure;
import org.cockpit4j.instruments.figure.FigureFiles;
import org.cockpit4j.instruments.figure.FigureRefresher;
import org.cockpit4j.instruments.figure.FigureWriter;
import org.cockpit4j.log.LogSink;

/**
 * {@code figure}: the cockpit figure ({@code cockpit.png}, and {@code cockpit__secondary.png} when
 * the log has data for the secondary screen; {@code .svg} too with {@code figure_format: both}),
 * re-rendered in the background every {@code output.figure_every} steps and once more at the end,
 * by the instruments' {@link FigureRefresher}.
 */
public final class FigureOutput implements RunOutputProvider {
  /** Steps between renders when only the final figure is wanted (never reached in practice). */
  private static final int ONLY_AT_THE_END = Integer.MAX_VALUE / 4;

  @Override
  public String name() {
    return "figure";
  }

  @Override
  public String description() {
    return "the cockpit figure (cockpit.png), refreshed every output.figure_every steps";
  }

  @Override
  public LogSink open(RunOutputContext context) {
    int every = context.config().output().figureEvery();
    FigureFiles files =
        new FigureFiles(
            formats(context.config().output().figureFormat()),
            CockpitFigure.DEFAULT_WIDTH,
            CockpitFigure.DEFAULT_HEIGHT,
            true,
            false);
    return FigureRefresher.every(
        every > 0 ? every : ONLY_AT_THE_END,
        context.directory(),
        context.metadata(),
        files,
        context.warnings());
  }

  private static Set<FigureWriter.Format> formats(String format) {
    return switch (format) {
      case "svg" -> EnumSet.of(FigureWriter.Format.SVG);
      case "both" -> EnumSet.allOf(FigureWriter.Format.class);
      default -> EnumSet.of(FigureWriter.Format.PNG);
    };
  }
}
