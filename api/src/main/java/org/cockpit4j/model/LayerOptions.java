package org.cockpit4j.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a {@link LayerSpec}'s options for a factory, with error messages that name the
 * layer type, the option and the accepted values. A factory reads every option it knows; {@link
 * #requireOnly} then rejects unknown keys (a misspelt option never passes silently).
 */
public final class LayerOptions {
  private final String type;
  private final Map<String, Object> options;

  /** Options of a layer of {@code type}. */
  public LayerOptions(String type, Map<String, Object> options) {
    this.type = type;
    this.options = options;
  }

  /** The layer type (for messages). */
  public String type() {
    return type;
  }

  /** Whether {@code key} is given. */
  public boolean has(String key) {
    return options.containsKey(key) && options.get(key) != null;
  }

  /** Fails unless every given key is one of {@code known}. */
  public void requireOnly(String... known) {
    Set<String> allowed = Set.of(known);
    Set<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          type
              + " has no option(s) "
              + unknown
              + "; accepted options: "
              + (known.length == 0 ? "none" : new TreeSet<>(allowed)));
    }
  }

  /** A required integer option. */
  public int integer(String key) {
    if (!has(key)) {
      throw new IllegalArgumentException(type + " needs the integer option '" + key + "'");
    }
    return toInt(key, options.get(key));
  }

  /** An integer option with a default. */
  public int integer(String key, int defaultValue) {
    return has(key) ? integer(key) : defaultValue;
  }

  /** A real option with a default. */
  public double real(String key, double defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    Object value = options.get(key);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException(
        type + " option '" + key + "' must be a number, got " + describe(value));
  }

  /** A boolean option with a default. */
  public boolean bool(String key, boolean defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    Object value = options.get(key);
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw new IllegalArgumentException(
        type + " option '" + key + "' must be true or false, got " + describe(value));
  }

  /**
   * A pair option such as {@code kernel_size}: a list {@code [h, w]} or one integer used for both;
   * {@code defaultValue} when absent (null: required).
   */
  public int[] pair(String key, int[] defaultValue) {
    if (!has(key)) {
      if (defaultValue == null) {
        throw new IllegalArgumentException(
            type + " needs the option '" + key + "' (an integer or a list [h, w])");
      }
      return defaultValue.clone();
    }
    Object value = options.get(key);
    if (value instanceof List<?> list) {
      if (list.size() != 2) {
        throw new IllegalArgumentException(
            type + " option '" + key + "' must have two entries [h, w], got " + list);
      }
      return new int[] {toInt(key, list.get(0)), toInt(key, list.get(1))};
    }
    int both = toInt(key, value);
    return new int[] {both, both};
  }

  private int toInt(String key, Object value) {
    if (value instanceof Number number) {
      double real = number.doubleValue();
      if (real == Math.rint(real) && Math.abs(real) <= Integer.MAX_VALUE) {
        return (int) real;
      }
    }
    throw new IllegalArgumentException(
        type + " option '" + key + "' must be an integer, got " + describe(value));
  }

  private static String describe(Object value) {
    return value instanceof String ? "'" + value + "'" : String.valueOf(value);
  }
}
