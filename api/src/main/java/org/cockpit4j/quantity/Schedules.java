package org.cockpit4j.quantity;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The original Cockpit's schedules ({@code cockpit.utils.schedules}) with their integer semantics.
 *
 * <ul>
 *   <li>{@link #linear}: every {@code interval}-th step from {@code offset} on; negative offsets
 *       work ({@code linear(3, -1)} hits 2, 5, 8, ...).
 *   <li>{@link #logarithmic}: a precomputed set of integers spaced evenly on a log scale, as {@code
 *       torch.logspace(..., dtype=torch.int64)} computes them.
 * </ul>
 */
public final class Schedules {
  private Schedules() {}

  /** Every step: {@code linear(1, 0)}, the default schedule of the configurations. */
  public static Schedule everyStep() {
    return linear(1, 0);
  }

  /** {@code linear(interval, 0)}. */
  public static Schedule linear(int interval) {
    return linear(interval, 0);
  }

  /**
   * True iff {@code step − offset ≥ 0} and {@code (step − offset) mod interval == 0}.
   *
   * @param interval at least 1
   * @param offset the first tracked step (may be negative: then the first hit is {@code interval +
   *     offset} for {@code −interval < offset < 0})
   */
  public static Schedule linear(int interval, int offset) {
    if (interval < 1) {
      throw new IllegalArgumentException(
          "The interval of a linear schedule must be at least 1, got " + interval);
    }
    return new Linear(interval, offset);
  }

  /** {@code logarithmic(start, end, 300, 10, true)}: the original's defaults. */
  public static Schedule logarithmic(double start, double end) {
    return logarithmic(start, end, 300, 10.0, true);
  }

  /**
   * The integers of {@code torch.logspace(start, end, steps, base, dtype=int64)}, plus 0 if {@code
   * init}. With {@code a = trunc(start)}, {@code b = trunc(end)} and {@code h = (b − a)/(steps −
   * 1)}: point {@code k < ⌊steps/2⌋} is {@code base^(a + h·k)}, the others {@code base^(b −
   * h·(steps−1−k))} (torch fills the upper half from the end), each truncated toward zero. Example:
   * {@code logarithmic(0, 1, 4, 10, false)} tracks steps {1, 2, 4, 10}.
   *
   * @param start exponent of the first point
   * @param end exponent of the last point
   * @param steps number of points, at least 1
   * @param base the base of the powers
   * @param init whether step 0 is tracked too
   */
  public static Schedule logarithmic(
      double start, double end, int steps, double base, boolean init) {
    if (steps < 1) {
      throw new IllegalArgumentException(
          "A logarithmic schedule needs at least one point, got steps=" + steps);
    }
    long first = (long) start;
    long last = (long) end;
    TreeSet<Long> points = new TreeSet<>();
    if (steps == 1) {
      points.add((long) Math.pow(base, first));
    } else {
      double increment = (double) (last - first) / (steps - 1);
      int half = steps / 2;
      for (int k = 0; k < steps; k++) {
        double exponent = k < half ? first + increment * k : last - increment * (steps - 1 - k);
        points.add((long) Math.pow(base, exponent));
      }
    }
    if (init) {
      points.add(0L);
    }
    long[] sorted = points.stream().mapToLong(Long::longValue).toArray();
    String description =
        "logarithmic(start="
            + start
            + ", end="
            + end
            + ", steps="
            + steps
            + ", base="
            + base
            + ", init="
            + init
            + ")";
    return new Logarithmic(sorted, description);
  }

  private record Linear(int interval, int offset) implements Schedule {
    @Override
    public boolean test(int step) {
      long shifted = (long) step - offset;
      return shifted >= 0 && shifted % interval == 0;
    }

    @Override
    public String toString() {
      return "linear(interval=" + interval + ", offset=" + offset + ")";
    }
  }

  private record Logarithmic(long[] steps, String description) implements Schedule {
    @Override
    public boolean test(int step) {
      return Arrays.binarySearch(steps, step) >= 0;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Logarithmic that && Arrays.equals(steps, that.steps);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
