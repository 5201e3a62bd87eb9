package org.cockpit4j.instruments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a run keeps its Cockpit log. A run directory holds the log under one of {@link #LOG_NAMES}
 * (first match wins), else the only {@code *.jsonl} file, else a {@code *cockpit_log.json} file
 * (the original's {@code Cockpit.write}); the figure ({@code cockpit.png}, {@code cockpit.svg}) and
 * the diagnosis ({@code diagnosis.json}, {@code diagnosis.txt}) are written next to it.
 */
public final class RunDirectory {
  /** Log names looked for first, in order. */
  public static final List<String> LOG_NAMES =
      List.of(
          "cockpit.jsonl", "cockpit_log.jsonl", "log.jsonl", "cockpit.json", "cockpit_log.json");

  private RunDirectory() {}

  /**
   * The log of {@code path}: the file itself, or the log inside a run directory; empty when a
   * directory holds no log (yet).
   *
   * @throws IllegalArgumentException when {@code path} does not exist
   */
  public static Optional<Path> findLog(Path path) {
    if (Files.isRegularFile(path)) {
      return Optional.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(
          "No run directory or log file at "
              + path.toAbsolutePath()
              + "; pass a run directory or a Cockpit log");
    }
    for (String name : LOG_NAMES) {
      Path candidate = path.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
      for (Path file : sorted) {
        if (file.getFileName().toString().endsWith(".jsonl")) {
          return Optional.of(file);
        }
      }
      for (Path file : sorted) {
        if (file.getFileName().toString().endsWith("cockpit_log.json")) {
          return Optional.of(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the run directory " + path, e);
    }
    return Optional.empty();
  }

  /** {@link #findLog}, failing with the names looked for when there is none. */
  public static Path requireLog(Path path) {
    return findLog(path)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "The run directory "
                        + path.toAbsolutePath()
                        + " holds no Cockpit log; looked for "
                        + LOG_NAMES
                        + ", *.jsonl and *cockpit_log.json"));
  }

  /** The directory outputs go to: the directory itself, or a log file's parent. */
  public static Path outputDirectory(Path path) {
    if (Files.isDirectory(path)) {
      return path;
    }
    Path parent = path.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  /** A display name: the directory's name, or the log file's name without its extension. */
  public static String name(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path fileName = absolute.getFileName();
    if (fileName == null) {
      return absolute.toString();
    }
    String name = fileName.toString();
    if (Files.isDirectory(absolute)) {
      return name;
    }
    for (String suffix : List.of(".cockpit_log.json", ".jsonl", ".json")) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }
}
