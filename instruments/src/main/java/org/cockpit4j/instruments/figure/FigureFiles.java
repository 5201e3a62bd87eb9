package org.cockpit4j.instruments.figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.diagnosis.Diagnosis;

/**
 * Writes everything a run directory shows: the primary figure ({@code cockpit.png} and/or {@code
 * cockpit.svg}), the secondary screen ({@code cockpit__secondary.*}) when it has data, and the
 * diagnosis ({@code diagnosis.json}, {@code diagnosis.txt}).
 *
 * @param formats the image formats
 * @param width figure width in pixels
 * @param height figure height in pixels
 * @param secondary whether to write the secondary screen (when it has data)
 * @param diagnosis whether to write the diagnosis files
 */
public record FigureFiles(
    Set<FigureWriter.Format> formats, int width, int height, boolean secondary, boolean diagnosis) {
  /** The base name of the figure files. */
  public static final String BASE_NAME = "cockpit";

  /** Copies. */
  public FigureFiles {
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("Choose at least one figure format (png, svg)");
    }
    formats = Set.copyOf(formats);
  }

  /** PNG at the original's size, secondary screen and diagnosis included. */
  public static FigureFiles defaults() {
    return new FigureFiles(
        EnumSet.of(FigureWriter.Format.PNG),
        CockpitFigure.DEFAULT_WIDTH,
        CockpitFigure.DEFAULT_HEIGHT,
        true,
        true);
  }

  /** These settings with {@code chosen} formats. */
  public FigureFiles withFormats(Set<FigureWriter.Format> chosen) {
    return new FigureFiles(chosen, width, height, secondary, diagnosis);
  }

  /**
   * Writes the files of {@code run} into {@code directory}: the primary figure named {@code base} +
   * extension, the secondary {@code base + "__secondary"} + extension, the diagnosis {@code
   * diagnosis.*} when {@code base} is {@value #BASE_NAME}, else {@code base + ".diagnosis.*"} (so
   * that several logs can share a directory); returns the files written.
   */
  public List<Path> write(RunData run, Path directory, String base) {
    Diagnosis report = Diagnosis.of(run);
    List<Path> written = new ArrayList<>();
    boolean withSecondary = secondary && CockpitFigure.hasSecondaryData(run);
    for (FigureWriter.Format format : FigureWriter.Format.values()) {
      if (!formats.contains(format)) {
        continue;
      }
      Path primary = directory.resolve(base + format.extension());
      FigureWriter.write(
          run, CockpitFigure.Screen.PRIMARY, primary, format, width, height, report.findings());
      written.add(primary);
      if (withSecondary) {
        Path other = directory.resolve(base + "__secondary" + format.extension());
        FigureWriter.write(
            run, CockpitFigure.Screen.SECONDARY, other, format, width, height, report.findings());
        written.add(other);
      }
    }
    if (diagnosis) {
      String prefix = base.equals(BASE_NAME) ? "" : base + ".";
      report.writeTo(directory, prefix);
      written.add(directory.resolve(prefix + Diagnosis.JSON_FILE));
      written.add(directory.resolve(prefix + Diagnosis.TEXT_FILE));
    }
    return written;
  }
}
