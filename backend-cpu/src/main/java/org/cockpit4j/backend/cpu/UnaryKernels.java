package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.UnaryOp;

/** Elementwise unary kernels over a range of a flat array. */
final class UnaryKernels {
  private UnaryKernels() {}

  /** {@code op(v)} with parameter {@code p}, in double precision. */
  static double apply(UnaryOp op, double v, double p) {
    switch (op) {
      case NEGATE:
        return -v;
      case ABS:
        return Math.abs(v);
      case SQUARE:
        return v * v;
      case SQRT:
        return Math.sqrt(v);
      case EXP:
        return Math.exp(v);
      case LOG:
        return Math.log(v);
      case RECIPROCAL:
        return 1.0 / v;
      case SIGN:
        return Math.signum(v);
      case RELU:
        return Math.max(v, 0.0);
      case STEP:
        return v > 0 ? 1.0 : 0.0;
      case SIGMOID:
        return sigmoid(v);
      case TANH:
        return Math.tanh(v);
      case LEAKY_RELU:
        return v > 0 ? v : p * v;
      case LEAKY_RELU_DERIVATIVE:
        return v > 0 ? 1.0 : p;
      case ADD_SCALAR:
        return v + p;
      case MULTIPLY_SCALAR:
        return v * p;
      case POW:
        return pow(v, p);
      case MAXIMUM_SCALAR:
        return Math.max(v, p);
      case MINIMUM_SCALAR:
        return Math.min(v, p);
      case GREATER_SCALAR:
        return v > p ? 1.0 : 0.0;
      case EQUAL_SCALAR:
        return v == p ? 1.0 : 0.0;
      default:
        throw new IllegalArgumentException("Unknown unary op " + op);
    }
  }

  private static double sigmoid(double v) {
    if (v >= 0) {
      return 1.0 / (1.0 + Math.exp(-v));
    }
    double e = Math.exp(v);
    return e / (1.0 + e);
  }

  private static double pow(double v, double p) {
    if (p == 2.0) {
      return v * v;
    } else if (p == 1.0) {
      return v;
    } else if (p == 0.5) {
      return Math.sqrt(v);
    }
    return Math.pow(v, p);
  }

  /**
   * Float32 range {@code [from, to)}: the parameter is rounded to float first; ops exact in float
   * run in float, the rest in double rounded once.
   */
  static void apply(UnaryOp op, double p, float[] x, float[] out, int from, int to) {
    float pf = (float) p;
    switch (op) {
      case NEGATE:
        for (int i = from; i < to; i++) {
          out[i] = -x[i];
        }
        return;
      case SQUARE:
        for (int i = from; i < to; i++) {
          out[i] = x[i] * x[i];
        }
        return;
      case RELU:
        for (int i = from; i < to; i++) {
          out[i] = Math.max(x[i], 0f);
        }
        return;
      case STEP:
        for (int i = from; i < to; i++) {
          out[i] = x[i] > 0 ? 1f : 0f;
        }
        return;
      case ADD_SCALAR:
        for (int i = from; i < to; i++) {
          out[i] = x[i] + pf;
        }
        return;
      case MULTIPLY_SCALAR:
        for (int i = from; i < to; i++) {
          out[i] = x[i] * pf;
        }
        return;
      case GREATER_SCALAR:
        for (int i = from; i < to; i++) {
          out[i] = x[i] > pf ? 1f : 0f;
        }
        return;
      case LEAKY_RELU_DERIVATIVE:
        for (int i = from; i < to; i++) {
          out[i] = x[i] > 0 ? 1f : pf;
        }
        return;
      default:
        for (int i = from; i < to; i++) {
          out[i] = (float) apply(op, x[i], pf);
        }
    }
  }

  /** Float64 range {@code [from, to)}. */
  static void apply(UnaryOp op, double p, double[] x, double[] out, int from, int to) {
    switch (op) {
      case NEGATE:
        for (int i = from; i < to; i++) {
          out[i] = -x[i];
        }
        return;
      case SQUARE:
        for (int i = from; i < to; i++) {
          out[i] = x[i] * x[i];
        }
        return;
      case RELU:
        for (int i = from; i < to; i++) {
          out[i] = Math.max(x[i], 0.0);
        }
        return;
      case STEP:
        for (int i = from; i < to; i++) {
          out[i] = x[i] > 0 ? 1.0 : 0.0;
        }
        return;
      case ADD_SCALAR:
        for (int i = from; i < to; i++) {
          out[i] = x[i] + p;
        }
        return;
      case MULTIPLY_SCALAR:
        for (int i = from; i < to; i++) {
          out[i] = x[i] * p;
        }
        return;
      default:
        for (int i = from; i < to; i++) {
          out[i] = apply(op, x[i], p);
        }
    }
  }
}
