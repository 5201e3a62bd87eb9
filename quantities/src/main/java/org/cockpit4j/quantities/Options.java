package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reading of a quantity's options map (the original's keyword arguments), failing on unknown
 * keys and wrong types with messages that name the quantity, the key and what is accepted.
 */
final class Options {
  private final String quantity;
  private final Map<String, Object> values;
  private final Set<String> read = new LinkedHashSet<>();

  Options(String quantity, Map<String, Object> values) {
    this.quantity = quantity;
    this.values = values == null ? Map.of() : values;
  }

  /** Whether {@code key} is present and not null. */
  boolean has(String key) {
    read.add(key);
    return values.get(key) != null;
  }

  Object raw(String key) {
    read.add(key);
    return values.get(key);
  }

  double number(String key, double defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw wrong(key, value, "a number");
  }

  int integer(String key, int defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    throw wrong(key, value, "an integer");
  }

  boolean bool(String key, boolean defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw wrong(key, value, "true or false");
  }

  String string(String key, String defaultValue) {
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
  double[] pair(String key, double[] defaultValue) {
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

  /** A list of exactly {@code size} entries. */
  List<Object> list(String key, int size) {
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

  static double[] numbers(Object value) {
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

  /** Fails when an option was given that no accessor read. */
  void requireAllRead() {
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
