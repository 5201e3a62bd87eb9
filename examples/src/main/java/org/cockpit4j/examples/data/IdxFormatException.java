package org.cockpit4j.examples.data;

import java.nio.file.Path;

/** An IDX file that is missing, unreadable or not what its header says. */
public final class IdxFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String problem;

  /** A problem with {@code file}; the message is "{file}: {problem}". */
  public IdxFormatException(Path file, String problem) {
    this(file, problem, null);
  }

  /** A problem with {@code file} caused by {@code cause}. */
  public IdxFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** What was wrong, without the file name. */
  public String problem() {
    return problem;
  }
}
