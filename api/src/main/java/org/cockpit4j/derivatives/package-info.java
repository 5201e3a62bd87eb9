/**
 * Per-layer and per-loss derivative algebra used by the backprop extensions, written once over the
 * {@link org.cockpit4j.backend.Backend} primitives: symmetric factorisations of loss Hessians
 * (exact and Monte-Carlo), parameter diagonals from backpropagated factors, per-sample parameter
 * gradients, residual factors of curved activations, and the pieces of Pearlmutter's R-operator
 * (directional derivatives of forward and backward passes) for Hessian- and GGN-vector products.
 *
 * <p>Notation used throughout: {@code N} samples, {@code δ = ∂L/∂y} the gradient of the mean loss
 * w.r.t. a layer's output (it includes the 1/N), {@code S [V, N, *featureShape]} a stack of {@code
 * V} factor columns with {@code Σ_v S[v,n] S[v,n]ᵀ} equal to a curvature block of sample n, {@code
 * R{·}} the directional derivative along a parameter direction {@code v}.
 *
 * <p>These classes read the cached state of the last forward pass through the layers' public
 * accessors; they never modify layers or parameters. Temporaries are closed before returning.
 */
package org.cockpit4j.derivatives;
