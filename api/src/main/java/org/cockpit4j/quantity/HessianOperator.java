package org.cockpit4j.quantity;

/**
 * The Hessian of the mean loss with respect to all parameters at θ_k, as a matrix-free operator
 * (exact Hessian-vector products by the R-operator, incl. cross-layer blocks and activation second
 * derivatives). Vectors are the parameters flattened row-major and concatenated in parameter order.
 * Valid only while the quantity tracks the step it was handed for.
 */
public interface HessianOperator {

  /** D, the number of parameter entries. */
  int dimension();

  /** {@code H v}, in float64 on the host ({@code v} has {@link #dimension()} entries). */
  double[] apply(double[] vector);

  /** Number of products computed through this operator so far. */
  int productCount();
}
