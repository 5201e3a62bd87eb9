package org.cockpit4j.examples.data;

/**
 * A data set could not be loaded from any place that was searched. The message lists every path
 * tried with what was wrong there, and how to get the data.
 */
public final class DataUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its full, multi-line message. */
  public DataUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
