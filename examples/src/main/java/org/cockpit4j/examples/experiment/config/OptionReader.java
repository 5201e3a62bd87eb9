package org.cockpit4j.examples.experiment.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, strict reading of an options mapping from an experiment file (a dataset's options, a
 * layer's), failing with {@link ConfigException}s that point at the option's line and column. Read
 * every option you know, then call {@link #requireAllRead()}: any other key fails, naming the
 * closest known one.
 *
 * <pre>{@code
 * int samples = options.integer("samples", 1000);
 * double noise = options.number("noise_std", 1.0);
 * options.requireAllRead();
 * }</pre>
 */
public final class OptionReader {
  private final String owner;
  private final Map<String, Object> values;
  private final String pointer;
  private final SourceMap sources;
  private final Set<String> read = new LinkedHashSet<>();

  /**
   * @param owner what the options belong to, for messages (e.g. {@code dataset noisy_quadratic})
   * @param values the options
   * @param pointer where the mapping is ({@code /data/dataset})
   * @param sources the file's locations
   */
  public OptionReader(String owner, Map<String, Object> values, String pointer, SourceMap sources) {
    this.owner = owner;
    this.values = values == null ? Map.of() : values;
    this.pointer = pointer;
    this.sources = sources;
  }

  /** Options without a file behind them (programmatic use); errors name no line. */
  public static OptionReader of(String owner, Map<String, Object> values) {
    return new OptionReader(owner, values, "", new SourceMap("<options>"));
  }

  /** The raw value of {@code key}, or null. */
  public Object raw(String key) {
    read.add(key);
    return values.get(key);
  }

  /** Whether {@code key} is given (and not null). */
  public boolean has(String key) {
    read.add(key);
    return values.get(key) != null;
  }

  /** An integer option with a default. */
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

  /** An integer option with a default and a lower bound. */
  public int integer(String key, int defaultValue, int minimum) {
    int value = integer(key, defaultValue);
    if (value < minimum) {
      throw invalid(key, "must be at least " + minimum + ", got " + value, key + ": " + minimum);
    }
    return value;
  }

  /** A number option with a default. */
  public double number(String key, double defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    throw wrong(key, value, "a finite number");
  }

  /** A boolean option with a default. */
  public boolean bool(String key, boolean defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw wrong(key, value, "true or false");
  }

  /** A text option with a default (may be null). */
  public String text(String key, String defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof String string) {
      return string;
    }
    throw wrong(key, value, "a text");
  }

  /** A list of integers, or the default (may be null). */
  public int[] integers(String key, int[] defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue == null ? null : defaultValue.clone();
    }
    if (value instanceof List<?> list) {
      int[] result = new int[list.size()];
      for (int i = 0; i < result.length; i++) {
        if (!(list.get(i) instanceof Number number)
            || number.doubleValue() != Math.rint(number.doubleValue())) {
          throw wrong(key, value, "a list of integers");
        }
        result[i] = number.intValue();
      }
      return result;
    }
    throw wrong(key, value, "a list of integers");
  }

  /** A list of numbers, a single number repeated {@code length} times, or the default. */
  public double[] numbers(String key, int length, double[] defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue == null ? null : defaultValue.clone();
    }
    if (value instanceof Number number) {
      double[] result = new double[length];
      java.util.Arrays.fill(result, number.doubleValue());
      return result;
    }
    if (value instanceof List<?> list && list.size() == length) {
      double[] result = new double[length];
      for (int i = 0; i < length; i++) {
        if (!(list.get(i) instanceof Number number)) {
          throw wrong(key, value, "a number or a list of " + length + " numbers");
        }
        result[i] = number.doubleValue();
      }
      return result;
    }
    throw wrong(key, value, "a number or a list of " + length + " numbers");
  }

  /** Fails for any given key that was not read, naming the closest read one. */
  public void requireAllRead() {
    for (String key : values.keySet()) {
      if (!read.contains(key)) {
        List<String> known = new ArrayList<>(read);
        throw new ConfigException(
            sources.key(pointer + "/" + key),
            ConfigPaths.display(pointer + "/" + key),
            Suggestions.unknown("option of " + owner, key, known),
            "");
      }
    }
  }

  /** An error for option {@code key} with a problem and a fix. */
  public ConfigException invalid(String key, String problem, String fix) {
    return new ConfigException(
        sources.value(pointer + "/" + key), ConfigPaths.display(pointer + "/" + key), problem, fix);
  }

  private ConfigException wrong(String key, Object value, String expected) {
    return invalid(
        key, owner + " option '" + key + "' must be " + expected + ", got " + describe(value), "");
  }

  private static String describe(Object value) {
    return value instanceof String ? "'" + value + "'" : String.valueOf(value);
  }
}
