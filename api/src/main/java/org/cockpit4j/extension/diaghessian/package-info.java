/**
 * Rules of {@code diag_h}: parameter diagonals summed over the signed factors (the exact loss
 * factor plus the residual factors that curved activations add, spec §8.5).
 */
package org.cockpit4j.extension.diaghessian;
