package org.cockpit4j.backend;

/** Reductions over a set of axes, accumulated in a fixed order (deterministic results). */
public enum ReduceOp {
  /** Sum of the elements. */
  SUM,
  /** Sum of the squared elements (fused: no squared copy is made). */
  SUM_OF_SQUARES,
  /** Largest element. */
  MAX,
  /** Smallest element. */
  MIN
}
