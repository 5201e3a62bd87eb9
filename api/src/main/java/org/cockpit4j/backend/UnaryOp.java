package org.cockpit4j.backend;

/**
 * Elementwise operations on one tensor. Some take a scalar parameter {@code p} (ignored by the
 * others). Every backend computes them in the tensor's own precision.
 */
public enum UnaryOp {
  /** {@code -x}. */
  NEGATE,
  /** {@code |x|}. */
  ABS,
  /** {@code x*x}. */
  SQUARE,
  /** {@code sqrt(x)}. */
  SQRT,
  /** {@code exp(x)}. */
  EXP,
  /** Natural logarithm. */
  LOG,
  /** {@code 1/x}. */
  RECIPROCAL,
  /** {@code -1, 0 or 1}. */
  SIGN,
  /** {@code max(x, 0)}. */
  RELU,
  /** {@code 1 if x > 0 else 0} (the ReLU derivative, 0 at 0 like PyTorch). */
  STEP,
  /** {@code 1/(1+exp(-x))}. */
  SIGMOID,
  /** Hyperbolic tangent. */
  TANH,
  /** {@code x if x > 0 else p*x}. */
  LEAKY_RELU,
  /** {@code 1 if x > 0 else p} (the LeakyReLU derivative, p at 0 like PyTorch). */
  LEAKY_RELU_DERIVATIVE,
  /** {@code x + p}. */
  ADD_SCALAR,
  /** {@code x * p}. */
  MULTIPLY_SCALAR,
  /** {@code x ^ p}. */
  POW,
  /** {@code max(x, p)}. */
  MAXIMUM_SCALAR,
  /** {@code min(x, p)}. */
  MINIMUM_SCALAR,
  /** {@code 1 if x > p else 0}. */
  GREATER_SCALAR,
  /** {@code 1 if x == p else 0}. */
  EQUAL_SCALAR
}
