package org.cockpit4j.quantities;

import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The Takeuchi information criterion with traces: {@code B·Σ_j s_j / (Σ_j c_j + ε)}, {@code s = Σ_n
 * G_n²} ({@code sum_grad_squared}), {@code c} the curvature diagonal ({@link Curvature}, default
 * {@code diag_h}), ε = 1e-7.
 */
public final class TICTrace extends TakeuchiCriterion {

  /** Tracked on {@code schedule} with {@code diag_h} and ε = 1e-7. */
  public TICTrace(Schedule schedule) {
    this(schedule, Curvature.DIAG_H, 1e-7);
  }

  /** Tracked on {@code schedule} with {@code curvature} and ε. */
  public TICTrace(Schedule schedule, Curvature curvature, double epsilon) {
    super(schedule, curvature, epsilon);
  }

  @Override
  protected Object compute(TrackedStep step) {
    double batch = step.info().batchSize();
    double sumOfSquares = Statistics.sum(step.result(Extensions.SUM_GRAD_SQUARED).sums());
    double trace = Statistics.sum(step.result(curvature.extension()).sums());
    return batch * sumOfSquares / (trace + epsilon);
  }
}
