package org.cockpit4j.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.cockpit4j.log.CockpitLog;

/**
 * What an instrument reads: one run's log (the original's {@code {step: {key: value}}} table) with
 * its name and header metadata (parameter names, quantities, optimizer), accessed through typed
 * {@link OutputKey}s. Immutable view over a snapshot of the log.
 */
public final class RunData {
  private final String name;
  private final CockpitLog log;
  private final Map<String, Object> metadata;
  private final int[] rows;

  /**
   * A run named {@code name} (shown in titles and legends) over {@code log}; {@code metadata} is
   * the JSON Lines header's metadata (may be empty).
   */
  public RunData(String name, CockpitLog log, Map<String, Object> metadata) {
    this.name = Objects.requireNonNull(name, "name");
    this.log = Objects.requireNonNull(log, "log");
    this.metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    this.rows = log.steps().keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /** A run without metadata. */
  public static RunData of(String name, CockpitLog log) {
    return new RunData(name, log, Map.of());
  }

  /** The run's name. */
  public String name() {
    return name;
  }

  /** The underlying log. */
  public CockpitLog log() {
    return log;
  }

  /** The header metadata (empty for logs in the original's layout). */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /** Whether the log holds no step. */
  public boolean isEmpty() {
    return rows.length == 0;
  }

  /** Every logged step, ascending (the rows of the original's table). */
  public int[] steps() {
    return rows.clone();
  }

  /** The last logged step, or -1 when empty. */
  public int lastStep() {
    return rows.length == 0 ? -1 : rows[rows.length - 1];
  }

  /** The decodable values of {@code key} by step. */
  public <T> SortedMap<Integer, T> column(OutputKey<T> key) {
    SortedMap<Integer, T> column = new TreeMap<>();
    log.column(key.name())
        .forEach(
            (step, raw) -> {
              T value = key.decode(raw);
              if (value != null) {
                column.put(step, value);
              }
            });
    return column;
  }

  /** Whether {@code key} has at least one decodable value. */
  public boolean has(OutputKey<?> key) {
    return latestStep(key) >= 0;
  }

  /** The value of {@code key} at the last step that has a decodable one. */
  public <T> Optional<T> latest(OutputKey<T> key) {
    SortedMap<Integer, Object> raw = log.column(key.name());
    List<Integer> steps = new ArrayList<>(raw.keySet());
    for (int i = steps.size() - 1; i >= 0; i--) {
      T value = key.decode(raw.get(steps.get(i)));
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The step of {@link #latest}, or -1. */
  public int latestStep(OutputKey<?> key) {
    SortedMap<Integer, Object> raw = log.column(key.name());
    List<Integer> steps = new ArrayList<>(raw.keySet());
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (key.decode(raw.get(steps.get(i))) != null) {
        return steps.get(i);
      }
    }
    return -1;
  }

  /**
   * A numeric key as a table column: one entry per logged step (NaN where the key is missing or
   * undecodable), as the original's data frame holds it.
   */
  public Series series(OutputKey<Double> key) {
    return series(key, Double::doubleValue);
  }

  /** A key reduced to one number per step by {@code reduce} (e.g. the norm over parameters). */
  public <T> Series series(OutputKey<T> key, ToDoubleFunction<T> reduce) {
    SortedMap<Integer, T> column = column(key);
    double[] values = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      T value = column.get(rows[i]);
      values[i] = value == null ? Double.NaN : reduce.applyAsDouble(value);
    }
    return new Series(rows, values);
  }

  /** The column of parameter {@code index} of a per-parameter key (NaN where missing). */
  public Series parameterSeries(OutputKey<PerParameter> key, int index) {
    return series(key, value -> index < value.size() ? value.get(index) : Double.NaN);
  }

  /** The number of parameters seen in {@code key}'s values (the largest list), or 0. */
  public int parameterCount(OutputKey<PerParameter> key) {
    int count = 0;
    for (PerParameter value : column(key).values()) {
      count = Math.max(count, value.size());
    }
    return count;
  }

  /**
   * The display name of parameter {@code index}: the metadata's {@code parameters} entry (e.g.
   * {@code 0.weight}) when present, else {@code parameter <index>}.
   */
  public String parameterName(int index) {
    Object names = metadata.get("parameters");
    if (names instanceof List<?> list && index < list.size() && list.get(index) != null) {
      return String.valueOf(list.get(index));
    }
    return "parameter " + index;
  }

  /** The display names of the first {@code count} parameters. */
  public List<String> parameterNames(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(parameterName(i));
    }
    return names;
  }

  /**
   * The learning rate at {@code step}: the logged {@code learning_rate} at or before it, else a
   * number in the metadata under {@code learning_rate}, {@code lr} or {@code optimizer.lr}, else
   * NaN.
   */
  public double learningRate(int step) {
    SortedMap<Integer, Double> rates = column(OutputKeys.LEARNING_RATE);
    SortedMap<Integer, Double> upTo = rates.headMap(step + 1);
    if (!upTo.isEmpty()) {
      return upTo.get(upTo.lastKey());
    }
    if (!rates.isEmpty()) {
      return rates.get(rates.firstKey());
    }
    for (String name : List.of("learning_rate", "lr")) {
      if (metadata.get(name) instanceof Number number) {
        return number.doubleValue();
      }
    }
    if (metadata.get("optimizer") instanceof Map<?, ?> optimizer) {
      for (String name : List.of("lr", "learning_rate")) {
        if (optimizer.get(name) instanceof Number number) {
          return number.doubleValue();
        }
      }
    }
    return Double.NaN;
  }

  /**
   * The optimizer's name from the metadata ({@code optimizer} text or {@code optimizer.type}), or
   * null.
   */
  public String optimizerName() {
    Object optimizer = metadata.get("optimizer");
    if (optimizer instanceof String text) {
      return text;
    }
    if (optimizer instanceof Map<?, ?> map && map.get("type") != null) {
      return String.valueOf(map.get("type"));
    }
    return null;
  }

  @Override
  public String toString() {
    return "RunData[" + name + ", " + rows.length + " steps]";
  }
}
