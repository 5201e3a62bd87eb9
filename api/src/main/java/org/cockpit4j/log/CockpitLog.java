package org.cockpit4j.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values of a run by global step and key, like the original's {@code Cockpit.get_output()}:
 * {@code {step: {QuantityName: value}}}. Steps are ordered numerically, keys alphabetically. Values
 * are in the Java form of {@link LogValues}.
 */
public final class CockpitLog {
  private final TreeMap<Integer, TreeMap<String, Object>> steps = new TreeMap<>();

  /** Stores {@code value} under ({@code step}, {@code key}), replacing an earlier value. */
  public void put(int step, String key, Object value) {
    steps.computeIfAbsent(step, unused -> new TreeMap<>()).put(key, value);
  }

  /** Stores every entry of {@code values} under {@code step}. */
  public void putAll(int step, Map<String, ?> values) {
    values.forEach((key, value) -> put(step, key, value));
  }

  /** The steps with at least one value, ascending. */
  public NavigableMap<Integer, SortedMap<String, Object>> steps() {
    TreeMap<Integer, SortedMap<String, Object>> view = new TreeMap<>();
    steps.forEach((step, values) -> view.put(step, Collections.unmodifiableSortedMap(values)));
    return Collections.unmodifiableNavigableMap(view);
  }

  /** The values of {@code step} by key (empty when none). */
  public SortedMap<String, Object> values(int step) {
    TreeMap<String, Object> values = steps.get(step);
    return values == null
        ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(values);
  }

  /** The value of ({@code step}, {@code key}), or null. */
  public Object get(int step, String key) {
    TreeMap<String, Object> values = steps.get(step);
    return values == null ? null : values.get(key);
  }

  /** The values of one key by step (the original's table column). */
  public SortedMap<Integer, Object> column(String key) {
    TreeMap<Integer, Object> column = new TreeMap<>();
    steps.forEach(
        (step, values) -> {
          if (values.containsKey(key)) {
            column.put(step, values.get(key));
          }
        });
    return column;
  }

  /** Whether no value was stored. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** A copy as nested maps (step to key to value). */
  public Map<Integer, Map<String, Object>> asMap() {
    Map<Integer, Map<String, Object>> copy = new LinkedHashMap<>();
    steps.forEach((step, values) -> copy.put(step, new LinkedHashMap<>(values)));
    return copy;
  }

  @Override
  public String toString() {
    return "CockpitLog" + steps;
  }
}
