package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.quantity.ByproductQuantity;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;

/** Per parameter, the norm ‖∇_p L‖₂ of the mini-batch gradient. Needs nothing. */
public final class GradNorm extends ByproductQuantity {

  /** Tracked on {@code schedule}. */
  public GradNorm(Schedule schedule) {
    super(schedule);
  }

  @Override
  protected Object compute(TrackedStep step) {
    List<Double> norms = new ArrayList<>();
    for (double squared : step.gradientSquaredNorms()) {
      norms.add(Math.sqrt(squared));
    }
    return norms;
  }
}
