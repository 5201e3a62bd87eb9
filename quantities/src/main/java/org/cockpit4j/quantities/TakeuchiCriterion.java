package org.cockpit4j.quantities;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;

/**
 * What both forms of the Takeuchi information criterion ({@link TICDiag}, {@link TICTrace}) share:
 * the options (curvature, ε) and the needs ({@code sum_grad_squared} and the curvature diagonal).
 */
abstract class TakeuchiCriterion extends SingleStepQuantity {
  /** The curvature diagonal. */
  protected final Curvature curvature;

  /** Added to the curvature in the denominator. */
  protected final double epsilon;

  TakeuchiCriterion(Schedule schedule, Curvature curvature, double epsilon) {
    super(schedule);
    this.curvature = curvature;
    this.epsilon = epsilon;
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("curvature", curvature.label());
    options.put("epsilon", epsilon);
    return options;
  }

  @Override
  public Needs needs(StepInfo info) {
    return Needs.extensions(Extensions.SUM_GRAD_SQUARED, curvature.extension());
  }
}
