/**
 * Rules of {@code diag_ggn_exact} and {@code diag_ggn_mc}: parameter diagonals {@code Σ_{v,n} (J_θᵀ
 * S[v,n])²} of the backpropagated loss factors. Activations, pooling, flatten, dropout and identity
 * add nothing of their own (the GGN ignores their curvature); the engine moves the factors through
 * them.
 */
package org.cockpit4j.extension.diagggn;
