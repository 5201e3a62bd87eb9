package org.cockpit4j.examples.experiment.config;

/**
 * Where something was written: a file (or {@code <command line>}) with a 1-based line and column;
 * line 0 when only the file is known (a default value, an override).
 *
 * @param source the file name as given by the user, or a description such as {@code command line}
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 */
public record SourceLocation(String source, int line, int column) {

  /** A location that knows only its source. */
  public static SourceLocation of(String source) {
    return new SourceLocation(source, 0, 0);
  }

  /** {@code file:line:column}, or just {@code file} when the line is unknown. */
  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }
}
