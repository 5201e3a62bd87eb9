package org.cockpit4j.quantities;

import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The orthogonality test (Bollapragada et al., 2018): {@code sqrt(var / (B‖ḡ‖²))} with {@code var =
 * Σ_n ‖g_n − (π_n/‖ḡ‖²)ḡ‖²/(B−1) = (B²Σ_n M_nn − Σ_n π_n²/‖ḡ‖²)/(B−1)} ({@code M} the per-sample
 * Gram matrix, {@code π_n = B·Σ_m M_nm}). Needs {@code batch_dot}.
 */
public final class OrthoTest extends SingleStepQuantity {

  /** Tracked on {@code schedule}. */
  public OrthoTest(Schedule schedule) {
    super(schedule);
  }

  @Override
  public Needs needs(StepInfo info) {
    return Needs.extensions(Extensions.BATCH_DOT);
  }

  @Override
  protected Object compute(TrackedStep step) {
    GramMatrix gram = GramMatrix.of(step);
    int batch = gram.batchSize();
    double gradientSquared = gram.gradientSquaredNorm();
    double variance =
        ((double) batch * batch * Statistics.sum(gram.diagonal())
                - Statistics.sumOfSquares(gram.projections()) / gradientSquared)
            / (batch - 1);
    return Math.sqrt(variance / (batch * gradientSquared));
  }
}
