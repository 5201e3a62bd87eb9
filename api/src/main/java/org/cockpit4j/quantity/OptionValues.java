package org.cockpit4j.quantity;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Typed reading of a quantity's options (the original's keyword arguments), strict: an option no
 * accessor read fails with the accepted ones, in the format the experiment runner turns into a "did
 * you mean" message.
 */
public final class OptionValues {
  private final String quantity;
  private final Map<String, Object> values;
  private final Set<String> read = new LinkedHashSet<>();

  /** Options {@code values} of quantity {@code quantity} (null means none). */
  public OptionValues(String quantity, Map<String, Object> values) {
    this.quantity = quantity;
    this.values = values == null ? Map.of() : values;
  }

  /** A finite number option, or {@code defaultValue} when absent. */
  public double number(String key, double defaultValue) {
    read.add(key);
    Object value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    throw wrong(key, value, "a finite number");
  }

  /** An integer option of at least {@code minimum}, or {@code defaultValue} when absent. */
  public int integer(String key, int defaultValue, int minimum) {
    read.add(key);
    Object value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number number
        && number.doubleValue() == Math.rint(number.doubleValue())
        && number.doubleValue() >= minimum
        && number.doubleValue() <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    throw wrong(key, value, "an integer >= " + minimum);
  }

  /** Fails when an option was given that no accessor read ({@code verbose} is ignored). */
  /** Fails naming the accepted options when an option was given that no accessor read. */
  public void requireAllRead() {
    for (String key : values.keySet()) {
      if (!read.contains(key) && !key.equals("verbose")) {
        throw new IllegalArgumentException(
            "Unknown option '" + key + "' of " + quantity + "; accepted options: " + read);
      }
    }
  }

  IllegalArgumentException wrong(String key, Object value, String expected) {
    return new IllegalArgumentException(
        "Option '" + key + "' of " + quantity + " must be " + expected + ", got " + value);
  }
}
