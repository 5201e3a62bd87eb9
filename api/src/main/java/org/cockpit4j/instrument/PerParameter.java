package org.cockpit4j.instrument;

import java.util.Arrays;
import java.util.List;

/**
 * A per-parameter list of numbers (one entry per parameter tensor, weights and biases separate), as
 * GradNorm, Distance, UpdateSize and HessTrace store them.
 *
 * @param values one value per parameter, in the Cockpit's parameter order
 */
public record PerParameter(double[] values) {
  /** Copies. */
  public PerParameter {
    values = values.clone();
  }

  /** The value of a log entry: a list of numbers (or a single number, one parameter). */
  public static PerParameter fromLog(Object raw) {
    if (raw instanceof Number number) {
      return new PerParameter(new double[] {number.doubleValue()});
    }
    if (raw instanceof List<?> list) {
      double[] values = new double[list.size()];
      for (int i = 0; i < values.length; i++) {
        Object element = list.get(i);
        if (!(element instanceof Number number)) {
          throw new IllegalArgumentException("Per-parameter entry " + i + " is not a number");
        }
        values[i] = number.doubleValue();
      }
      return new PerParameter(values);
    }
    throw new IllegalArgumentException("Not a per-parameter list: " + raw);
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** Number of parameters. */
  public int size() {
    return values.length;
  }

  /** Value of parameter {@code index}. */
  public double get(int index) {
    return values[index];
  }

  /** {@code sqrt(Σ v²)}: the norm over all parameters of per-parameter norms. */
  public double rootSumOfSquares() {
    double sum = 0;
    for (double value : values) {
      sum += value * value;
    }
    return Math.sqrt(sum);
  }

  /** {@code Σ v}: e.g. the Hessian trace over all parameters. */
  public double sum() {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PerParameter that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "PerParameter" + Arrays.toString(values);
  }
}
