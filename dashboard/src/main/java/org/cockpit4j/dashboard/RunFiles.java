package org.cockpit4j.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which files of a run the dashboard may serve: regular files inside the run's directory and
 * nothing else. The requested name is rejected when it is absolute, contains {@code ..}, a
 * backslash, a colon, a NUL, a percent sign (an encoded name that survived decoding, e.g. {@code
 * %252e%252e}) or any control character; the resolved path must lie inside the directory after
 * following symbolic links. A run given as a single log file exposes only its log, figure and
 * diagnosis files.
 */
final class RunFiles {
  /** Content types by extension; other files are served as {@code application/octet-stream}. */
  static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "png", "image/png",
          "svg", "image/svg+xml",
          "json", "application/json",
          "jsonl", "application/x-ndjson",
          "txt", "text/plain; charset=utf-8");

  private static final Set<String> FIGURE_AND_DIAGNOSIS =
      Set.of(
          "cockpit.png",
          "cockpit.svg",
          "cockpit__secondary.png",
          "cockpit__secondary.svg",
          "diagnosis.json",
          "diagnosis.txt");

  private final Path directory;
  private final Path singleLog;

  /** The files of the run at {@code runPath} (a directory, or a log file). */
  RunFiles(Path runPath) {
    Path absolute = runPath.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      this.directory = absolute;
      this.singleLog = null;
    } else {
      Path parent = absolute.getParent();
      this.directory = parent == null ? absolute : parent;
      this.singleLog = absolute;
    }
  }

  /** The directory files come from. */
  Path directory() {
    return directory;
  }

  /** The file for the requested (decoded) relative name, or empty when it is not allowed. */
  Optional<Path> resolve(String requested) {
    if (!acceptable(requested)) {
      return Optional.empty();
    }
    Path candidate = directory.resolve(requested).normalize();
    if (!candidate.startsWith(directory)) {
      return Optional.empty();
    }
    if (singleLog != null
        && !candidate.equals(singleLog)
        && !(candidate.getParent().equals(directory)
            && FIGURE_AND_DIAGNOSIS.contains(candidate.getFileName().toString()))) {
      return Optional.empty();
    }
    try {
      if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(candidate)) {
        return Optional.empty();
      }
      Path real = candidate.toRealPath();
      if (!real.startsWith(directory.toRealPath()) || !Files.isRegularFile(real)) {
        return Optional.empty();
      }
      return Optional.of(real);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether a requested name passes the syntactic checks. */
  static boolean acceptable(String requested) {
    if (requested == null || requested.isEmpty() || requested.length() > 512) {
      return false;
    }
    if (requested.startsWith("/")
        || requested.contains("\\")
        || requested.contains(":")
        || requested.contains("%")) {
      return false;
    }
    for (int i = 0; i < requested.length(); i++) {
      if (requested.charAt(i) < 0x20 || requested.charAt(i) == 0x7f) {
        return false;
      }
    }
    for (String segment : requested.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** The content type of {@code file}. */
  static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
