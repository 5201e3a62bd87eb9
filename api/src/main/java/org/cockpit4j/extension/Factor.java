package org.cockpit4j.extension;

import org.cockpit4j.tensor.Tensor;

/**
 * One signed term of a backpropagated curvature factorisation: {@code sign · Σ_v S[v,n] S[v,n]ᵀ} is
 * (part of) the curvature of sample n w.r.t. the features where the stack lives.
 *
 * @param stack {@code S [V, N, *featureShape]}
 * @param sign {@code +1} or {@code −1} (the negative residual factors of the Hessian)
 */
public record Factor(Tensor stack, double sign) {

  /** Validates the sign. */
  public Factor {
    if (sign != 1.0 && sign != -1.0) {
      throw new IllegalArgumentException("A factor's sign is +1 or -1, got " + sign);
    }
  }

  /** A positive factor. */
  public static Factor positive(Tensor stack) {
    return new Factor(stack, 1.0);
  }
}
