package org.cockpit4j.extension;

/**
 * Thrown before a backward pass starts when a requested extension has no rule for a layer of the
 * model (or no loss derivatives for its loss). The message names every missing (extension, layer)
 * pair and how to add a rule.
 */
public final class MissingRuleException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public MissingRuleException(String message) {
    super(message);
  }
}
