package org.cockpit4j.quantities;

import java.util.Map;
import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The evidence-based early-stopping criterion of Mahsereci et al. (2017): with the unbiased
 * per-entry variance {@code σ̂_j² = (B²s_j − B·ḡ_j²)/(B−1)}, {@code 1 − B·mean_j(ḡ_j²/(σ̂_j² +
 * ε))}; positive means "stop". Default ε = 1e-5 (the original's code; its docstring says 0). Only
 * for zero-momentum SGD. Needs {@code sum_grad_squared}.
 */
public final class EarlyStopping extends SingleStepQuantity {
  private final double epsilon;

  /** Tracked on {@code schedule} with ε = 1e-5. */
  public EarlyStopping(Schedule schedule) {
    this(schedule, 1e-5);
  }

  /** Tracked on {@code schedule} with the given ε. */
  public EarlyStopping(Schedule schedule, double epsilon) {
    super(schedule);
    this.epsilon = epsilon;
  }

  @Override
  public Map<String, Object> options() {
    return Map.of("epsilon", epsilon);
  }

  @Override
  public Needs needs(StepInfo info) {
    PlainSgd.require(info, name());
    return Needs.extensions(Extensions.SUM_GRAD_SQUARED);
  }

  @Override
  protected Object compute(TrackedStep step) {
    PlainSgd.require(step.info(), name());
    double batch = step.info().batchSize();
    double[] sumOfSquares = step.result(Extensions.SUM_GRAD_SQUARED).concatenated();
    double[] gradient = step.gradient();
    double total = 0;
    for (int j = 0; j < gradient.length; j++) {
      double squared = gradient[j] * gradient[j];
      double variance = (batch * batch * sumOfSquares[j] - batch * squared) / (batch - 1);
      total += squared / (variance + epsilon);
    }
    return 1 - batch * (total / gradient.length);
  }
}
