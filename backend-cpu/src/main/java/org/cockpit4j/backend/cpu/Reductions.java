package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.ReduceOp;

/**
 * Reduction kernels on the canonical layout {@code [outer, reduced, inner]}: every output element
 * {@code (o, i)} combines {@code x[o, r, i]} for {@code r = 0..reduced-1} in increasing order. Sums
 * accumulate in double for both dtypes.
 */
final class Reductions {
  private Reductions() {}

  static double initial(ReduceOp op) {
    switch (op) {
      case MAX:
        return Double.NEGATIVE_INFINITY;
      case MIN:
        return Double.POSITIVE_INFINITY;
      default:
        return 0.0;
    }
  }

  /** Reduces outer rows {@code [from, to)} of a float tensor. */
  static void reduce(
      ReduceOp op, float[] x, int reduced, int inner, float[] out, int from, int to) {
    double[] acc = new double[inner];
    for (int o = from; o < to; o++) {
      int base = o * reduced * inner;
      if (inner == 1) {
        out[o] = (float) reduceRow(op, x, base, reduced);
        continue;
      }
      java.util.Arrays.fill(acc, initial(op));
      for (int r = 0; r < reduced; r++) {
        int row = base + r * inner;
        switch (op) {
          case SUM:
            for (int i = 0; i < inner; i++) {
              acc[i] += x[row + i];
            }
            break;
          case SUM_OF_SQUARES:
            for (int i = 0; i < inner; i++) {
              double v = x[row + i];
              acc[i] += v * v;
            }
            break;
          case MAX:
            for (int i = 0; i < inner; i++) {
              acc[i] = Math.max(acc[i], x[row + i]);
            }
            break;
          case MIN:
            for (int i = 0; i < inner; i++) {
              acc[i] = Math.min(acc[i], x[row + i]);
            }
            break;
          default:
            throw new IllegalArgumentException("Unknown reduction " + op);
        }
      }
      int target = o * inner;
      for (int i = 0; i < inner; i++) {
        out[target + i] = (float) acc[i];
      }
    }
  }

  /** Reduces outer rows {@code [from, to)} of a double tensor. */
  static void reduce(
      ReduceOp op, double[] x, int reduced, int inner, double[] out, int from, int to) {
    for (int o = from; o < to; o++) {
      int base = o * reduced * inner;
      if (inner == 1) {
        out[o] = reduceRow(op, x, base, reduced);
        continue;
      }
      int target = o * inner;
      java.util.Arrays.fill(out, target, target + inner, initial(op));
      for (int r = 0; r < reduced; r++) {
        int row = base + r * inner;
        switch (op) {
          case SUM:
            for (int i = 0; i < inner; i++) {
              out[target + i] += x[row + i];
            }
            break;
          case SUM_OF_SQUARES:
            for (int i = 0; i < inner; i++) {
              double v = x[row + i];
              out[target + i] += v * v;
            }
            break;
          case MAX:
            for (int i = 0; i < inner; i++) {
              out[target + i] = Math.max(out[target + i], x[row + i]);
            }
            break;
          case MIN:
            for (int i = 0; i < inner; i++) {
              out[target + i] = Math.min(out[target + i], x[row + i]);
            }
            break;
          default:
            throw new IllegalArgumentException("Unknown reduction " + op);
        }
      }
    }
  }

  static double reduceRow(ReduceOp op, float[] x, int from, int count) {
    double acc = initial(op);
    int end = from + count;
    switch (op) {
      case SUM:
        for (int i = from; i < end; i++) {
          acc += x[i];
        }
        return acc;
      case SUM_OF_SQUARES:
        for (int i = from; i < end; i++) {
          double v = x[i];
          acc += v * v;
        }
        return acc;
      case MAX:
        for (int i = from; i < end; i++) {
          acc = Math.max(acc, x[i]);
        }
        return acc;
      case MIN:
        for (int i = from; i < end; i++) {
          acc = Math.min(acc, x[i]);
        }
        return acc;
      default:
        throw new IllegalArgumentException("Unknown reduction " + op);
    }
  }

  static double reduceRow(ReduceOp op, double[] x, int from, int count) {
    double acc = initial(op);
    int end = from + count;
    switch (op) {
      case SUM:
        for (int i = from; i < end; i++) {
          acc += x[i];
        }
        return acc;
      case SUM_OF_SQUARES:
        for (int i = from; i < end; i++) {
          acc += x[i] * x[i];
        }
        return acc;
      case MAX:
        for (int i = from; i < end; i++) {
          acc = Math.max(acc, x[i]);
        }
        return acc;
      case MIN:
        for (int i = from; i < end; i++) {
          acc = Math.min(acc, x[i]);
        }
        return acc;
      default:
        throw new IllegalArgumentException("Unknown reduction " + op);
    }
  }
}
