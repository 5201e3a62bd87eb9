package org.cockpit4j.checkpoint;

/**
 * A checkpoint that cannot be read or does not fit what it is restored into: a missing or corrupt
 * file, a state written by a newer version, a model or optimizer that differs from the saved one.
 * The message names the file (and the key inside it) and what to do. An input error, hence an
 * {@link IllegalArgumentException}.
 */
public final class CheckpointException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An error with {@code message}. */
  public CheckpointException(String message) {
    super(message);
  }

  /** An error with {@code message} caused by {@code cause}. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
