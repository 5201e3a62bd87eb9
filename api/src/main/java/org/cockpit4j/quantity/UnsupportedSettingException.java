package org.cockpit4j.quantity;

/**
 * Thrown by a quantity that cannot run in the present setting (CABS and EarlyStopping with anything
 * but zero-momentum SGD, a quantity whose extensions have no rule for a layer of the model). The
 * Cockpit reports it once and goes on tracking the other quantities, or, in strict mode, fails.
 */
public final class UnsupportedSettingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that names the setting and what would work. */
  public UnsupportedSettingException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public UnsupportedSettingException(String message, Throwable cause) {
    super(message, cause);
  }
}
