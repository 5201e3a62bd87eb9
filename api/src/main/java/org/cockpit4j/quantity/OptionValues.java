package org.cockpit4j.quantity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

  /** Whether {@code key} is present and not null. */
  public boolean has(String key) {
    read.add(key);
    return values.get(key) != null;
  }

  /** The option as given (null when absent), for options of several accepted forms. */
  public Object raw(String key) {
    read.add(key);
    return values.get(key);
  }

  /** An integer option, or {@code defaultValue} when absent. */
  public int integer(String key, int defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number number
        && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    throw wrong(key, value, "an integer");
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

  /** A boolean option, or {@code defaultValue} when absent. */
  public boolean bool(String key, boolean defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw wrong(key, value, "true or false");
  }

  /** A string option, or {@code defaultValue} when absent. */
  public String string(String key, String defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    throw wrong(key, value, "a string");
  }

  /** A pair of numbers given as a {@code List}, {@code double[]} or {@code int[]}. */
  public double[] pair(String key, double[] defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    double[] numbers = numbers(value);
    if (numbers == null || numbers.length != 2) {
      throw wrong(key, value, "a pair of numbers [low, high]");
    }
    return numbers;
  }

  /**
   * A list of exactly {@code size} entries, given as a {@code List} or an array, or null when
   * absent.
   */
  public List<Object> list(String key, int size) {
    Object value = raw(key);
    if (value == null) {
      return null;
    }
    List<Object> list = new ArrayList<>();
    if (value instanceof List<?> given) {
      list.addAll(given);
    } else if (value instanceof Object[] array) {
      list.addAll(List.of(array));
    } else if (value instanceof int[] ints) {
      for (int element : ints) {
        list.add(element);
      }
    } else if (value instanceof double[] doubles) {
      for (double element : doubles) {
        list.add(element);
      }
    }
    if (list.size() != size) {
      throw wrong(key, value, "a list of " + size + " entries");
    }
    return list;
  }

  /**
   * The numbers of a {@code double[]}, {@code int[]} or list of numbers, or null when {@code value}
   * is none of these.
   */
  public static double[] numbers(Object value) {
    if (value instanceof double[] doubles) {
      return doubles.clone();
    }
    if (value instanceof int[] ints) {
      double[] result = new double[ints.length];
      for (int i = 0; i < ints.length; i++) {
        result[i] = ints[i];
      }
      return result;
    }
    if (value instanceof List<?> list) {
      double[] result = new double[list.size()];
      for (int i = 0; i < result.length; i++) {
        if (!(list.get(i) instanceof Number number)) {
          return null;
        }
        result[i] = number.doubleValue();
      }
      return result;
    }
    return null;
  }

  /**
   * Fails naming the accepted options when an option was given that no accessor read ({@code
   * verbose}, the original's logging switch, is accepted everywhere and ignored).
   */
  public void requireAllRead() {
    for (String key : values.keySet()) {
      if (!read.contains(key) && !key.equals("verbose")) {
        throw new IllegalArgumentException(
            "Unknown option '" + key + "' of " + quantity + "; accepted options: " + read);
      }
    }
  }

  /** The error for option {@code key} given as {@code value} when {@code expected} was wanted. */
  public IllegalArgumentException wrong(String key, Object value, String expected) {
    return new IllegalArgumentException(
        "Option '" + key + "' of " + quantity + " must be " + expected + ", got " + value);
  }
}
