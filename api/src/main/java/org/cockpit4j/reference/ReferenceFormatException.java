package org.cockpit4j.reference;

/**
 * A reference-case (or actual-values) file that cannot be read or does not have the layout of
 * {@code shared/reference/FORMAT.md}. The message names the file, the JSON path of the offending
 * value (e.g. {@code steps[2].backpack.grad[1].data}) and what was expected there.
 */
public final class ReferenceFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String jsonPath;

  /**
   * @param file the file name (null when parsing a tree that did not come from a file)
   * @param jsonPath the path inside the document ({@code ""} for the document itself)
   * @param problem what was wrong, phrased as "expected ..., found ..."
   */
  public ReferenceFormatException(String file, String jsonPath, String problem) {
    this(file, jsonPath, problem, null);
  }

  /** Like the three-argument constructor, with the underlying cause. */
  public ReferenceFormatException(String file, String jsonPath, String problem, Throwable cause) {
    super(format(file, jsonPath, problem), cause);
    this.file = file;
    this.jsonPath = jsonPath;
  }

  private static String format(String file, String jsonPath, String problem) {
    StringBuilder message = new StringBuilder();
    if (file != null) {
      message.append(file).append(": ");
    }
    if (jsonPath != null && !jsonPath.isEmpty()) {
      message.append("at ").append(jsonPath).append(": ");
    }
    return message.append(problem).toString();
  }

  /** The file name, or null. */
  public String file() {
    return file;
  }

  /** The JSON path of the offending value ({@code ""} for the whole document). */
  public String jsonPath() {
    return jsonPath;
  }
}
