package org.cockpit4j.backend;

/** Elementwise operations on two tensors with NumPy broadcasting; both must have one dtype. */
public enum BinaryOp {
  /** {@code a + b}. */
  ADD,
  /** {@code a - b}. */
  SUBTRACT,
  /** {@code a * b}. */
  MULTIPLY,
  /** {@code a / b}. */
  DIVIDE,
  /** {@code max(a, b)}. */
  MAXIMUM,
  /** {@code min(a, b)}. */
  MINIMUM,
  /** {@code 1 if a > b else 0}. */
  GREATER,
  /** {@code 1 if a == b else 0}. */
  EQUAL
}
