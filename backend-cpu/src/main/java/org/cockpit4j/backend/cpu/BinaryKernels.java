package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.BinaryOp;

/**
 * Elementwise binary kernels over one run of elements: {@code out[o + i] = op(a[ai + i*aStep], b[bi
 * + i*bStep])}, where a step is 0 (a broadcast operand) or 1.
 */
final class BinaryKernels {
  private BinaryKernels() {}

  static double apply(BinaryOp op, double x, double y) {
    switch (op) {
      case ADD:
        return x + y;
      case SUBTRACT:
        return x - y;
      case MULTIPLY:
        return x * y;
      case DIVIDE:
        return x / y;
      case MAXIMUM:
        return Math.max(x, y);
      case MINIMUM:
        return Math.min(x, y);
      case GREATER:
        return x > y ? 1.0 : 0.0;
      case EQUAL:
        return x == y ? 1.0 : 0.0;
      default:
        throw new IllegalArgumentException("Unknown binary op " + op);
    }
  }

  static float apply(BinaryOp op, float x, float y) {
    switch (op) {
      case ADD:
        return x + y;
      case SUBTRACT:
        return x - y;
      case MULTIPLY:
        return x * y;
      case DIVIDE:
        return x / y;
      case MAXIMUM:
        return Math.max(x, y);
      case MINIMUM:
        return Math.min(x, y);
      case GREATER:
        return x > y ? 1f : 0f;
      case EQUAL:
        return x == y ? 1f : 0f;
      default:
        throw new IllegalArgumentException("Unknown binary op " + op);
    }
  }

  static void run(
      BinaryOp op,
      float[] a,
      int ai,
      int aStep,
      float[] b,
      int bi,
      int bStep,
      float[] out,
      int o,
      int n) {
    if (aStep == 1 && bStep == 1) {
      switch (op) {
        case ADD:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] + b[bi + i];
          }
          return;
        case SUBTRACT:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] - b[bi + i];
          }
          return;
        case MULTIPLY:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] * b[bi + i];
          }
          return;
        case DIVIDE:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] / b[bi + i];
          }
          return;
        default:
          break;
      }
    } else if (aStep == 1 && bStep == 0) {
      float y = b[bi];
      switch (op) {
        case ADD:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] + y;
          }
          return;
        case SUBTRACT:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] - y;
          }
          return;
        case MULTIPLY:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] * y;
          }
          return;
        case DIVIDE:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] / y;
          }
          return;
        default:
          break;
      }
    }
    if (aStep == 0 && bStep == 1) {
      float x = a[ai];
      switch (op) {
        case ADD:
          for (int i = 0; i < n; i++) {
            out[o + i] = x + b[bi + i];
          }
          return;
        case SUBTRACT:
          for (int i = 0; i < n; i++) {
            out[o + i] = x - b[bi + i];
          }
          return;
        case MULTIPLY:
          for (int i = 0; i < n; i++) {
            out[o + i] = x * b[bi + i];
          }
          return;
        case DIVIDE:
          for (int i = 0; i < n; i++) {
            out[o + i] = x / b[bi + i];
          }
          return;
        default:
          break;
      }
    }
    for (int i = 0; i < n; i++) {
      out[o + i] = apply(op, a[ai + i * aStep], b[bi + i * bStep]);
    }
  }

  static void run(
      BinaryOp op,
      double[] a,
      int ai,
      int aStep,
      double[] b,
      int bi,
      int bStep,
      double[] out,
      int o,
      int n) {
    if (aStep == 1 && bStep == 1) {
      switch (op) {
        case ADD:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] + b[bi + i];
          }
          return;
        case SUBTRACT:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] - b[bi + i];
          }
          return;
        case MULTIPLY:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] * b[bi + i];
          }
          return;
        case DIVIDE:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] / b[bi + i];
          }
          return;
        default:
          break;
      }
    } else if (aStep == 1 && bStep == 0) {
      double y = b[bi];
      switch (op) {
        case ADD:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] + y;
          }
          return;
        case SUBTRACT:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] - y;
          }
          return;
        case MULTIPLY:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] * y;
          }
          return;
        case DIVIDE:
          for (int i = 0; i < n; i++) {
            out[o + i] = a[ai + i] / y;
          }
          return;
        default:
          break;
      }
    }
    if (aStep == 0 && bStep == 1) {
      double x = a[ai];
      switch (op) {
        case ADD:
          for (int i = 0; i < n; i++) {
            out[o + i] = x + b[bi + i];
          }
          return;
        case SUBTRACT:
          for (int i = 0; i < n; i++) {
            out[o + i] = x - b[bi + i];
          }
          return;
        case MULTIPLY:
          for (int i = 0; i < n; i++) {
            out[o + i] = x * b[bi + i];
          }
          return;
        case DIVIDE:
          for (int i = 0; i < n; i++) {
            out[o + i] = x / b[bi + i];
          }
          return;
        default:
          break;
      }
    }
    for (int i = 0; i < n; i++) {
      out[o + i] = apply(op, a[ai + i * aStep], b[bi + i * bStep]);
    }
  }
}
