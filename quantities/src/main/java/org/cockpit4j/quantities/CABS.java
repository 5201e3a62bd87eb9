package org.cockpit4j.quantities;

import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * CABS, the coupled adaptive batch size of Balles et al. (2017): {@code lr·Σ_j (B²s_j − B·ḡ_j²) /
 * (B·L)} = {@code lr·[(1/B)Σ_n ‖g_n − ḡ‖²]/L}, with {@code s = Σ_n G_n²} ({@code
 * sum_grad_squared}). Only for zero-momentum SGD (refused otherwise).
 */
public final class CABS extends SingleStepQuantity {

  /** Tracked on {@code schedule}. */
  public CABS(Schedule schedule) {
    super(schedule);
  }

  @Override
  public Needs needs(StepInfo info) {
    PlainSgd.require(info, name());
    return Needs.extensions(Extensions.SUM_GRAD_SQUARED);
  }

  @Override
  protected Object compute(TrackedStep step) {
    StepInfo info = step.info();
    PlainSgd.require(info, name());
    double batch = info.batchSize();
    double[] sumOfSquares = step.result(Extensions.SUM_GRAD_SQUARED).concatenated();
    double[] gradient = step.gradient();
    double total = 0;
    for (int j = 0; j < gradient.length; j++) {
      total += batch * batch * sumOfSquares[j] - batch * gradient[j] * gradient[j];
    }
    return info.learningRate() * total / (batch * info.loss());
  }
}
