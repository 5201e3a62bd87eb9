package org.cockpit4j.examples.experiment.run;

/**
 * A run that started and then failed (not a configuration mistake): the command line exits with
 * code 1. The provenance of the run records the failure.
 */
public final class ExperimentFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause}. */
  public ExperimentFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
