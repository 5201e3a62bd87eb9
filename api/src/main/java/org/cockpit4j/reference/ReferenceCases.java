package org.cockpit4j.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the reference-case directory and its case files.
 *
 * <p>Search order: the system property {@value #PROPERTY}, the environment variable {@value
 * #ENVIRONMENT}, then {@code shared/reference} in the working directory or any directory above it
 * (which finds {@code ../shared/reference} beside a clone, as in CI, and {@code /work/shared/
 * reference} from a worktree below {@code /work}).
 */
public final class ReferenceCases {
  /** System property naming the reference directory. */
  public static final String PROPERTY = "cockpit4j.reference.dir";

  /** Environment variable naming the reference directory. */
  public static final String ENVIRONMENT = "COCKPIT4J_REFERENCE_DIR";

  private static final String COCKPIT_LOG_SUFFIX = ".cockpit_log.json";

  private ReferenceCases() {}

  /** The reference directory, if one is configured or found. */
  public static Optional<Path> findDirectory() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(ENVIRONMENT);
    }
    if (configured != null && !configured.isBlank()) {
      Path directory = Paths.get(configured);
      return Files.isDirectory(directory) ? Optional.of(directory) : Optional.empty();
    }
    for (Path directory = Paths.get("").toAbsolutePath();
        directory != null;
        directory = directory.getParent()) {
      Path candidate = directory.resolve("shared").resolve("reference");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The case files of {@code directory}, sorted by name: every {@code *.json} except the raw
   * Cockpit logs ({@code *.cockpit_log.json}).
   */
  public static List<Path> caseFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> cases = new ArrayList<>();
      files
          .filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().endsWith(".json"))
          .filter(file -> !file.getFileName().toString().endsWith(COCKPIT_LOG_SUFFIX))
          .sorted()
          .forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list reference cases in " + directory, e);
    }
  }

  /** Reads every case file of {@code directory}. */
  public static List<ReferenceCase> readAll(Path directory) {
    List<ReferenceCase> cases = new ArrayList<>();
    for (Path file : caseFiles(directory)) {
      cases.add(ReferenceReader.read(file));
    }
    return cases;
  }
}
