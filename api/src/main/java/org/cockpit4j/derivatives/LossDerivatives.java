package org.cockpit4j.derivatives;

import org.cockpit4j.nn.Loss;
import org.cockpit4j.tensor.Tensor;

/**
 * The second-order algebra of a mean-reduced loss {@code L = (1/N) Σ_n ℓ_n(f_n)} w.r.t. the network
 * outputs {@code f [N, *outputShape]}, from the state cached by the loss's last forward pass.
 * Curvature backpropagation starts from these factors.
 *
 * @param <L> the loss class
 */
public interface LossDerivatives<L extends Loss> {

  /** The loss class handled (subclasses included). */
  Class<L> lossClass();

  /**
   * A symmetric factor {@code S [V, N, *outputShape]} of the loss Hessian: {@code Σ_v S[v,n]
   * S[v,n]ᵀ = ∇²_{f_n} L} for every sample n (with the 1/N of the mean reduction).
   */
  Tensor exactFactor(L loss);

  /**
   * A Monte-Carlo factor {@code S [samples, N, *outputShape]} whose outer products average to the
   * Hessian of the loss (the Fisher form of the GGN): {@code E[Σ_m S[m,n] S[m,n]ᵀ] = ∇²_{f_n} L}.
   * The draws come from the backend's counter-based stream {@code (seed, 0..)}.
   */
  Tensor sampledFactor(L loss, int samples, long seed);

  /** {@code ∇²_f L · u} for an output-space direction {@code u [N, *outputShape]}. */
  Tensor hessianProduct(L loss, Tensor outputDirection);
}
