package org.cockpit4j.instruments.diagnosis;

import java.util.Map;
import org.cockpit4j.log.NdArray;

/** Finds NaN and infinite numbers inside raw log values of any shape. */
final class NonFiniteValues {
  private NonFiniteValues() {}

  /**
   * The first non-finite number inside {@code value} (a number, a list, an array, a map of them, or
   * the strings {@code NaN}, {@code Infinity}, {@code -Infinity} of the original's layout), or 0
   * when every number is finite.
   */
  static double first(Object value) {
    if (value instanceof Number number) {
      double x = number.doubleValue();
      return Double.isFinite(x) ? 0 : x;
    }
    if (value instanceof String text) {
      return switch (text) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> 0;
      };
    }
    if (value instanceof NdArray array) {
      return firstOf(array.data());
    }
    if (value instanceof double[] array) {
      return firstOf(array);
    }
    if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        double x = first(item);
        if (!Double.isFinite(x)) {
          return x;
        }
      }
      return 0;
    }
    if (value instanceof Map<?, ?> map) {
      return first(map.values());
    }
    return 0;
  }

  private static double firstOf(double[] values) {
    for (double x : values) {
      if (!Double.isFinite(x)) {
        return x;
      }
    }
    return 0;
  }
}
