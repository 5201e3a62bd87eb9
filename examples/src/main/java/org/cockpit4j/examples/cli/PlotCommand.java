package org.cockpit4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.diagnosis.Diagnosis;
import org.cockpit4j.instruments.diagnosis.Finding;
import org.cockpit4j.instruments.figure.CockpitFigure;
import org.cockpit4j.instruments.figure.FigureFiles;
import org.cockpit4j.instruments.figure.FigureWriter;
import org.cockpit4j.instruments.run.RunDirectory;
import org.cockpit4j.instruments.run.RunLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cockpit plot}: renders a run's cockpit figure (the original's layout) headless to PNG or
 * SVG and writes its diagnosis.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = {
      "Renders the cockpit figure of a run directory or a Cockpit log (ours or the original's)"
          + " to PNG/SVG, and writes diagnosis.json and diagnosis.txt.",
      "Without --out the files go into the run directory: cockpit.png,"
          + " cockpit__secondary.png (auxiliary and layer-wise gauges), diagnosis.*; for a log"
          + " file: <log name>.png, <log name>.diagnosis.* beside it."
    })
final class PlotCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN_DIR_OR_LOG", description = "run directory or log file")
  Path run;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "the figure file (.png or .svg); the diagnosis goes beside it")
  Path out;

  @Option(
      names = "--format",
      description = "png, svg or both (default: from --out's extension, else png)")
  String format;

  @Option(
      names = "--width",
      defaultValue = "3000",
      description = "pixels (default: ${DEFAULT-VALUE})")
  int width;

  @Option(
      names = "--height",
      defaultValue = "1500",
      description = "pixels (default: ${DEFAULT-VALUE})")
  int height;

  @Option(names = "--no-secondary", description = "skip the secondary screen")
  boolean noSecondary;

  @Option(names = "--no-diagnosis", description = "do not write diagnosis.json/diagnosis.txt")
  boolean noDiagnosis;

  @Override
  public Integer call() {
    RunDirectory.requireLog(run);
    RunData data = RunLog.read(run);
    Path directory;
    String base;
    if (out != null) {
      Path absolute = out.toAbsolutePath();
      directory = absolute.getParent() == null ? Path.of(".") : absolute.getParent();
      String name = absolute.getFileName().toString();
      FigureWriter.Format fromName = FigureWriter.Format.of(absolute);
      base =
          fromName == null
              ? name
              : name.substring(0, name.length() - fromName.extension().length());
    } else {
      directory = RunDirectory.outputDirectory(run);
      // A run directory gets cockpit.png; a log file gets <log name>.png beside it.
      base = Files.isDirectory(run) ? FigureFiles.BASE_NAME : RunDirectory.name(run);
    }
    requireWritable(directory);
    FigureFiles files = new FigureFiles(formats(), width, height, !noSecondary, !noDiagnosis);
    List<Path> written = files.write(data, directory, base);
    System.out.println(
        CockpitFigure.title(data) + ": " + data.name() + ", steps up to " + data.lastStep());
    written.forEach(path -> System.out.println("wrote " + path));
    List<Finding> findings = Diagnosis.of(data).findings();
    if (findings.isEmpty()) {
      System.out.println("diagnosis: no findings");
    }
    findings.forEach(finding -> System.out.println(finding.headline()));
    return 0;
  }

  /** Refuses read-only directories (shared data), even for root, and suggests --out. */
  private static void requireWritable(Path directory) {
    try {
      if (Files.exists(directory)
          && !Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OWNER_WRITE)) {
        throw new IllegalArgumentException(
            "The directory "
                + directory
                + " is read-only; write the figure elsewhere with --out FILE");
      }
    } catch (UnsupportedOperationException | java.io.IOException e) {
      // not a POSIX file system: rely on the write itself failing
    }
  }

  private Set<FigureWriter.Format> formats() {
    String chosen = format;
    if (chosen == null) {
      FigureWriter.Format fromName = out == null ? null : FigureWriter.Format.of(out);
      return EnumSet.of(fromName == null ? FigureWriter.Format.PNG : fromName);
    }
    return switch (chosen.toLowerCase(Locale.ROOT)) {
      case "png" -> EnumSet.of(FigureWriter.Format.PNG);
      case "svg" -> EnumSet.of(FigureWriter.Format.SVG);
      case "both" -> EnumSet.allOf(FigureWriter.Format.class);
      default ->
          throw new IllegalArgumentException(
              "--format must be png, svg or both, got '" + chosen + "'");
    };
  }
}
