package org.cockpit4j.quantities;

import java.util.Map;
import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The mean gradient signal-to-noise ratio (Liu et al., 2020): {@code mean_j ḡ_j²/(B·s_j − ḡ_j² +
 * ε)}, the biased per-entry variance in the denominator; default ε = 1e-5. Needs {@code
 * sum_grad_squared}.
 */
public final class MeanGSNR extends SingleStepQuantity {
  private final double epsilon;

  /** Tracked on {@code schedule} with ε = 1e-5. */
  public MeanGSNR(Schedule schedule) {
    this(schedule, 1e-5);
  }

  /** Tracked on {@code schedule} with the given ε. */
  public MeanGSNR(Schedule schedule, double epsilon) {
    super(schedule);
    this.epsilon = epsilon;
  }

  @Override
  public Map<String, Object> options() {
    return Map.of("epsilon", epsilon);
  }

  @Override
  public Needs needs(StepInfo info) {
    return Needs.extensions(Extensions.SUM_GRAD_SQUARED);
  }

  @Override
  protected Object compute(TrackedStep step) {
    double batch = step.info().batchSize();
    double[] sumOfSquares = step.result(Extensions.SUM_GRAD_SQUARED).concatenated();
    double[] gradient = step.gradient();
    double total = 0;
    for (int j = 0; j < gradient.length; j++) {
      double squared = gradient[j] * gradient[j];
      total += squared / (batch * sumOfSquares[j] - squared + epsilon);
    }
    return total / gradient.length;
  }
}
