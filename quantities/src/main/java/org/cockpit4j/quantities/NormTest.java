package org.cockpit4j.quantities;

import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The norm test (Byrd et al., 2012): {@code sqrt(var / (B‖g‖²))} with {@code var = Σ_n ‖g_n −
 * ḡ‖²/(B−1) = (B²Σ_n b_n − B‖ḡ‖²)/(B−1)}, from the per-sample squared norms {@code b_n = Σ_p
 * ‖G_{n,p}‖²} ({@code batch_l2}, summed over parameters). Needs {@code batch_l2}.
 */
public final class NormTest extends SingleStepQuantity {

  /** Tracked on {@code schedule}. */
  public NormTest(Schedule schedule) {
    super(schedule);
  }

  @Override
  public Needs needs(StepInfo info) {
    return Needs.extensions(Extensions.BATCH_L2);
  }

  @Override
  protected Object compute(TrackedStep step) {
    double[] squaredNorms = step.result(Extensions.BATCH_L2).summed();
    int batch = squaredNorms.length;
    double gradientSquared = Statistics.sum(step.gradientSquaredNorms());
    double variance =
        ((double) batch * batch * Statistics.sum(squaredNorms) - batch * gradientSquared)
            / (batch - 1);
    return Math.sqrt(variance / (batch * gradientSquared));
  }
}
