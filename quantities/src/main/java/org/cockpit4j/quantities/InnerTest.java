package org.cockpit4j.quantities;

import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The inner-product test (Bollapragada et al., 2018): with the projections {@code π_n = ⟨g_n, ḡ⟩ =
 * B·Σ_m M_nm} ({@code M} the per-sample Gram matrix, {@code batch_dot} summed over parameters),
 * {@code sqrt(var / (B‖ḡ‖⁴))} with {@code var = (Σ_n π_n² − B‖ḡ‖⁴)/(B−1)}. Needs {@code batch_dot}.
 */
public final class InnerTest extends SingleStepQuantity {

  /** Tracked on {@code schedule}. */
  public InnerTest(Schedule schedule) {
    super(schedule);
  }

  @Override
  public Needs needs(StepInfo info) {
    return Needs.extensions(Extensions.BATCH_DOT);
  }

  @Override
  protected Object compute(TrackedStep step) {
    GramMatrix gram = GramMatrix.of(step);
    double gradientFourth = gram.gradientSquaredNorm() * gram.gradientSquaredNorm();
    int batch = gram.batchSize();
    double variance =
        (Statistics.sumOfSquares(gram.projections()) - batch * gradientFourth) / (batch - 1);
    return Math.sqrt(variance / (batch * gradientFourth));
  }
}
