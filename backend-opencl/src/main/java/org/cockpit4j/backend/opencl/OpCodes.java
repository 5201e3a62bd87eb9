package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.backend.UnaryOp;

/**
 * The integer op codes the kernels switch on ({@code #define U_*}, {@code B_*}, {@code R_*} in
 * elementwise.cl and reduce.cl), spelled out so that reordering an enum cannot change a kernel.
 */
final class OpCodes {
  private OpCodes() {}

  static int of(UnaryOp op) {
    switch (op) {
      case NEGATE:
        return 0;
      case ABS:
        return 1;
      case SQUARE:
        return 2;
      case SQRT:
        return 3;
      case EXP:
        return 4;
      case LOG:
        return 5;
      case RECIPROCAL:
        return 6;
      case SIGN:
        return 7;
      case RELU:
        return 8;
      case STEP:
        return 9;
      case SIGMOID:
        return 10;
      case TANH:
        return 11;
      case LEAKY_RELU:
        return 12;
      case LEAKY_RELU_DERIVATIVE:
        return 13;
      case ADD_SCALAR:
        return 14;
      case MULTIPLY_SCALAR:
        return 15;
      case POW:
        return 16;
      case MAXIMUM_SCALAR:
        return 17;
      case MINIMUM_SCALAR:
        return 18;
      case GREATER_SCALAR:
        return 19;
      case EQUAL_SCALAR:
        return 20;
      default:
        throw new IllegalArgumentException("Unknown unary op " + op);
    }
  }

  static int of(BinaryOp op) {
    switch (op) {
      case ADD:
        return 0;
      case SUBTRACT:
        return 1;
      case MULTIPLY:
        return 2;
      case DIVIDE:
        return 3;
      case MAXIMUM:
        return 4;
      case MINIMUM:
        return 5;
      case GREATER:
        return 6;
      case EQUAL:
        return 7;
      default:
        throw new IllegalArgumentException("Unknown binary op " + op);
    }
  }

  static int of(ReduceOp op) {
    switch (op) {
      case SUM:
        return 0;
      case SUM_OF_SQUARES:
        return 1;
      case MAX:
        return 2;
      case MIN:
        return 3;
      default:
        throw new IllegalArgumentException("Unknown reduction " + op);
    }
  }
}
