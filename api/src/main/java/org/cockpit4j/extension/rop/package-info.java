/**
 * R-operator rules (family {@code r_op}) used by {@link org.cockpit4j.extension.CurvatureProducts}
 * for exact Hessian- and GGN-vector products: per layer the forward directional derivative, the
 * backward directional derivative with the parameter part, and the transposed parameter Jacobian.
 */
package org.cockpit4j.extension.rop;
