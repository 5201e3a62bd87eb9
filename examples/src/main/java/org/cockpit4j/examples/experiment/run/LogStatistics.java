package org.cockpit4j.examples.experiment.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cockpit4j.log.CockpitLog;

/** Summaries of a Cockpit log for run and sweep summaries: the median of every scalar key. */
public final class LogStatistics {
  private LogStatistics() {}

  /** The finite numbers logged under {@code key}, in step order. */
  public static double[] scalars(CockpitLog log, String key) {
    List<Double> values = new ArrayList<>();
    for (Object value : log.column(key).values()) {
      if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
        values.add(number.doubleValue());
      }
    }
    double[] array = new double[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }

  /** The median of {@code values}, NaN when empty. */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
  }

  /** For every key whose values are numbers, the median over the steps. */
  public static SortedMap<String, Double> medians(CockpitLog log) {
    SortedMap<String, Double> medians = new TreeMap<>();
    for (Map<String, Object> values : log.steps().values()) {
      for (Map.Entry<String, Object> entry : values.entrySet()) {
        if (entry.getValue() instanceof Number && !medians.containsKey(entry.getKey())) {
          medians.put(entry.getKey(), median(scalars(log, entry.getKey())));
        }
      }
    }
    return medians;
  }
}
