package org.cockpit4j.instrument;

import java.util.Arrays;

/**
 * Numbers by step, ascending: one column of the original's data table, possibly with non-finite
 * values (the instruments drop those before drawing; diagnosis rules look at them).
 *
 * @param steps the global steps, ascending
 * @param values the value at each step
 */
public record Series(int[] steps, double[] values) {
  /** Validates and copies. */
  public Series {
    if (steps.length != values.length) {
      throw new IllegalArgumentException(
          "A series needs one value per step: "
              + steps.length
              + " steps, "
              + values.length
              + " values");
    }
    steps = steps.clone();
    values = values.clone();
  }

  /** An empty series. */
  public static Series empty() {
    return new Series(new int[0], new double[0]);
  }

  /** A copy of the steps. */
  @Override
  public int[] steps() {
    return steps.clone();
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The steps as doubles (x coordinates). */
  public double[] x() {
    double[] x = new double[steps.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = steps[i];
    }
    return x;
  }

  /** Number of entries. */
  public int size() {
    return steps.length;
  }

  /** Whether there is no entry. */
  public boolean isEmpty() {
    return steps.length == 0;
  }

  /** Step of entry {@code index}. */
  public int step(int index) {
    return steps[index];
  }

  /** Value of entry {@code index}. */
  public double value(int index) {
    return values[index];
  }

  /** The entries with a finite value. */
  public Series finite() {
    return where(Double::isFinite);
  }

  /** The entries with a finite, strictly positive value (for logarithmic axes). */
  public Series positive() {
    return where(value -> Double.isFinite(value) && value > 0);
  }

  private Series where(java.util.function.DoublePredicate keep) {
    int count = 0;
    for (double value : values) {
      if (keep.test(value)) {
        count++;
      }
    }
    int[] keptSteps = new int[count];
    double[] keptValues = new double[count];
    int at = 0;
    for (int i = 0; i < steps.length; i++) {
      if (keep.test(values[i])) {
        keptSteps[at] = steps[i];
        keptValues[at++] = values[i];
      }
    }
    return new Series(keptSteps, keptValues);
  }

  /** The last {@code count} entries (all when fewer). */
  public Series last(int count) {
    int from = Math.max(0, steps.length - Math.max(0, count));
    return new Series(
        Arrays.copyOfRange(steps, from, steps.length),
        Arrays.copyOfRange(values, from, values.length));
  }

  /** The value of the last entry, or NaN when empty. */
  public double lastValue() {
    return values.length == 0 ? Double.NaN : values[values.length - 1];
  }

  /** The arithmetic mean of the values (NaN when empty). */
  public double mean() {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  /**
   * The exponential moving average as pandas' {@code ewm(alpha, adjust=False)} over the entries of
   * this series, which are the rows of the original's table ({@link RunData#series} has one entry
   * per logged step, NaN where the key is missing): {@code y₀ = x₀}, {@code y_t = (1 − α) y_{t−1} +
   * α x_t}; over missing or non-finite rows the old weight keeps decaying, so after k such rows
   * {@code y = ((1 − α)^{k+1} y_old + α x) / ((1 − α)^{k+1} + α)}. Values are returned at the steps
   * where the value is finite.
   */
  public Series ema(double alpha) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("EMA weight alpha must lie in (0, 1], got " + alpha);
    }
    int count = 0;
    for (double value : values) {
      if (Double.isFinite(value)) {
        count++;
      }
    }
    int[] outSteps = new int[count];
    double[] outValues = new double[count];
    boolean started = false;
    double average = 0;
    int previousRow = 0;
    int at = 0;
    for (int i = 0; i < steps.length; i++) {
      if (!Double.isFinite(values[i])) {
        continue;
      }
      if (!started) {
        average = values[i];
        started = true;
      } else {
        int gap = i - previousRow; // rows since the last finite value
        double oldWeight = Math.pow(1 - alpha, gap);
        average = (oldWeight * average + alpha * values[i]) / (oldWeight + alpha);
      }
      previousRow = i;
      outSteps[at] = steps[i];
      outValues[at++] = average;
    }
    return new Series(outSteps, outValues);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Series that
        && Arrays.equals(steps, that.steps)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(steps) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Series[" + steps.length + " entries]";
  }
}
