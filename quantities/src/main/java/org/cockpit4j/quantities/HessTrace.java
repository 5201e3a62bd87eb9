package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;

/**
 * Per parameter, the trace of the curvature of L restricted to it: the sum of its curvature
 * diagonal ({@link Curvature}, default {@code diag_h}).
 */
public final class HessTrace extends SingleStepQuantity {
  private final Curvature curvature;

  /** Tracked on {@code schedule} with the exact Hessian diagonal. */
  public HessTrace(Schedule schedule) {
    this(schedule, Curvature.DIAG_H);
  }

  /** Tracked on {@code schedule} with {@code curvature}. */
  public HessTrace(Schedule schedule, Curvature curvature) {
    super(schedule);
    this.curvature = curvature;
  }

  @Override
  public Map<String, Object> options() {
    return Map.of("curvature", curvature.label());
  }

  @Override
  public Needs needs(StepInfo info) {
    return Needs.extensions(curvature.extension());
  }

  @Override
  protected Object compute(TrackedStep step) {
    List<Double> traces = new ArrayList<>();
    for (double trace : step.result(curvature.extension()).sums()) {
      traces.add(trace);
    }
    return traces;
  }
}
