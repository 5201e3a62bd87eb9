package org.cockpit4j.derivatives;

import org.cockpit4j.tensor.Tensor;

/**
 * The two factors {@code R⁺} and {@code R⁻} of a diagonal residual {@code diag(r)} in a layer's
 * input space, {@code diag(r) = R⁺R⁺ᵀ − R⁻R⁻ᵀ} per sample; each has shape {@code [V, N,
 * *featureShape]} with {@code V} the number of features.
 *
 * @param positive {@code R⁺[v,n,u] = [v = u] √max(r_{n,u}, 0)}
 * @param negative {@code R⁻[v,n,u] = [v = u] √max(−r_{n,u}, 0)}
 */
public record ResidualFactors(Tensor positive, Tensor negative) {}
