package org.cockpit4j.examples.experiment.plugin;

/**
 * A plugin setup problem: a required plugin that is missing, two plugins claiming one name, an
 * unreadable plugins directory. An {@link IllegalArgumentException}, so the command line exits with
 * code 2.
 */
public final class PluginException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A problem described by {@code message}. */
  public PluginException(String message) {
    super(message);
  }

  /** A problem described by {@code message}, caused by {@code cause}. */
  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
