package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.ReduceOp;

/**
 * The integer codes of the reductions ({@code #define R_*} in reduce.cl), spelled out so that
 * reordering the enum cannot change a kernel. (Elementwise kernels are named after their op.)
 */
final class OpCodes {
  private OpCodes() {}

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
