package org.cockpit4j.backend;

import org.cockpit4j.tensor.Tensor;

/** Checks on the operands of a backend op that every backend makes the same way. */
public final class OperandChecks {
  private OperandChecks() {}

  /** Fails naming both operands when {@code a} and {@code b} of op {@code what} differ in dtype. */
  public static void sameDtype(String what, Tensor a, Tensor b) {
    if (a.dtype() != b.dtype()) {
      throw new IllegalArgumentException(
          what
              + " needs one dtype, got "
              + a.dtype()
              + " "
              + a.shape()
              + " and "
              + b.dtype()
              + " "
              + b.shape()
              + "; cast one of them first");
    }
  }
}
