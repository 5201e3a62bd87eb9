package org.cockpit4j.examples.experiment.config;

/**
 * A mistake in an experiment file, reported as {@code file:line:column: key: what is wrong. Fix:
 * how to fix it}. An {@link IllegalArgumentException}, so the command line exits with code 2.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient SourceLocation location;
  private final String key;
  private final String problem;
  private final String fix;

  /**
   * @param location where the mistake is
   * @param key the dotted key, e.g. {@code data.batch_size} (empty for the whole file)
   * @param problem what is wrong, with the value
   * @param fix how to fix it (may be empty)
   */
  public ConfigException(SourceLocation location, String key, String problem, String fix) {
    super(format(location, key, problem, fix));
    this.location = location;
    this.key = key;
    this.problem = problem;
    this.fix = fix == null ? "" : fix;
  }

  /** As the four-argument constructor, keeping {@code cause}. */
  public ConfigException(
      SourceLocation location, String key, String problem, String fix, Throwable cause) {
    this(location, key, problem, fix);
    initCause(cause);
  }

  /**
   * A mistake at the value written at {@code pointer} (e.g. {@code /data/batch_size}); the location
   * falls back to the enclosing key when the value was not written (a default).
   */
  public static ConfigException at(SourceMap sources, String pointer, String problem, String fix) {
    return new ConfigException(sources.value(pointer), ConfigPaths.display(pointer), problem, fix);
  }

  /** A mistake in the key written at {@code pointer} (an unknown or misplaced key). */
  public static ConfigException atKey(
      SourceMap sources, String pointer, String problem, String fix) {
    return new ConfigException(sources.key(pointer), ConfigPaths.display(pointer), problem, fix);
  }

  private static String format(SourceLocation location, String key, String problem, String fix) {
    StringBuilder text = new StringBuilder(location.toString()).append(": ");
    if (key != null && !key.isEmpty()) {
      text.append(key).append(": ");
    }
    text.append(problem);
    if (fix != null && !fix.isEmpty()) {
      text.append(problem.endsWith(".") ? " " : ". ").append("Fix: ").append(fix);
    }
    return text.toString();
  }

  /** Where the mistake is. */
  public SourceLocation location() {
    return location;
  }

  /** The dotted key. */
  public String key() {
    return key;
  }

  /** What is wrong. */
  public String problem() {
    return problem;
  }

  /** How to fix it (may be empty). */
  public String fix() {
    return fix;
  }
}
