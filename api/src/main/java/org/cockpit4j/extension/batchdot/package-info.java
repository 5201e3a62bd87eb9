/** Rules of {@code batch_dot}: Gram matrices {@code ⟨G_n, G_m⟩ [N, N]} per parameter. */
package org.cockpit4j.extension.batchdot;
