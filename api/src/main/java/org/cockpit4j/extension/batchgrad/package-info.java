/** Rules of {@code batch_grad}: per-sample gradients {@code G_n = ∇ℓ_n/N}. */
package org.cockpit4j.extension.batchgrad;
