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

  /**
   * Reduces outer rows {@code [from, to)} of a float tensor, for inner positions {@code [innerFrom,
   * innerTo)} only.
   */
  static void reduce(
      ReduceOp op,
      float[] x,
      int reduced,
      int inner,
      float[] out,
      int from,
      int to,
      int innerFrom,
      int innerTo) {
    int width = innerTo - innerFrom;
    double[] acc = new double[width];
    for (int o = from; o < to; o++) {
      int base = o * reduced * inner + innerFrom;
      if (inner == 1) {
        out[o] = (float) reduceRow(op, x, base, reduced);
        continue;
      }
      java.util.Arrays.fill(acc, initial(op));
      for (int r = 0; r < reduced; r++) {
        int row = base + r * inner;
        switch (op) {
          case SUM:
            for (int i = 0; i < width; i++) {
              acc[i] += x[row + i];
            }
            break;
          case SUM_OF_SQUARES:
            for (int i = 0; i < width; i++) {
              double v = x[row + i];
              acc[i] += v * v;
            }
            break;
          case MAX:
            for (int i = 0; i < width; i++) {
              acc[i] = Math.max(acc[i], x[row + i]);
            }
            break;
          case MIN:
            for (int i = 0; i < width; i++) {
              acc[i] = Math.min(acc[i], x[row + i]);
            }
            break;
          default:
            throw new IllegalArgumentException("Unknown reduction " + op);
        }
      }
      int target = o * inner + innerFrom;
      for (int i = 0; i < width; i++) {
        out[target + i] = (float) acc[i];
      }
    }
  }

  /**
   * Reduces outer rows {@code [from, to)} of a double tensor, for inner positions {@code
   * [innerFrom, innerTo)} only.
   */
  static void reduce(
      ReduceOp op,
      double[] x,
      int reduced,
      int inner,
      double[] out,
      int from,
      int to,
      int innerFrom,
      int innerTo) {
    int width = innerTo - innerFrom;
    double[] acc = new double[width];
    for (int o = from; o < to; o++) {
      int base = o * reduced * inner + innerFrom;
      if (inner == 1) {
        out[o] = reduceRow(op, x, base, reduced);
        continue;
      }
      java.util.Arrays.fill(acc, initial(op));
      for (int r = 0; r < reduced; r++) {
        int row = base + r * inner;
        switch (op) {
          case SUM:
            for (int i = 0; i < width; i++) {
              acc[i] += x[row + i];
            }
            break;
          case SUM_OF_SQUARES:
            for (int i = 0; i < width; i++) {
              double v = x[row + i];
              acc[i] += v * v;
            }
            break;
          case MAX:
            for (int i = 0; i < width; i++) {
              acc[i] = Math.max(acc[i], x[row + i]);
            }
            break;
          case MIN:
            for (int i = 0; i < width; i++) {
              acc[i] = Math.min(acc[i], x[row + i]);
            }
            break;
          default:
            throw new IllegalArgumentException("Unknown reduction " + op);
        }
      }
      int target = o * inner + innerFrom;
      for (int i = 0; i < width; i++) {
        out[target + i] = acc[i];
      }
    }
  }

  static double reduceRow(ReduceOp op, float[] x, int from, int count) {
    double acc = initial(op);
    int end = from + count;
    switch (op) {
      case SUM:
        return sumRow(x, from, end);
      case SUM_OF_SQUARES:
        if (count >= 16) {
          return sumOfSquaresRow(x, from, end);
        }
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
        return sumRow(x, from, end);
      case SUM_OF_SQUARES:
        if (count >= 16) {
          return sumOfSquaresRow(x, from, end);
        }
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

  /** Sum with four interleaved accumulators (a fixed order, faster than one chain). */
  static double sumRow(float[] x, int from, int end) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < end; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < end; i++) {
      s0 += x[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Sum of squares with four interleaved accumulators. */
  static double sumOfSquaresRow(float[] x, int from, int end) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < end; i += 4) {
      double v0 = x[i];
      double v1 = x[i + 1];
      double v2 = x[i + 2];
      double v3 = x[i + 3];
      s0 += v0 * v0;
      s1 += v1 * v1;
      s2 += v2 * v2;
      s3 += v3 * v3;
    }
    for (; i < end; i++) {
      double v = x[i];
      s0 += v * v;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Sum with four interleaved accumulators (a fixed order, faster than one chain). */
  static double sumRow(double[] x, int from, int end) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < end; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < end; i++) {
      s0 += x[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Sum of squares with four interleaved accumulators. */
  static double sumOfSquaresRow(double[] x, int from, int end) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < end; i += 4) {
      double v0 = x[i];
      double v1 = x[i + 1];
      double v2 = x[i + 2];
      double v3 = x[i + 3];
      s0 += v0 * v0;
      s1 += v1 * v1;
      s2 += v2 * v2;
      s3 += v3 * v3;
    }
    for (; i < end; i++) {
      double v = x[i];
      s0 += v * v;
    }
    return (s0 + s1) + (s2 + s3);
  }
}
