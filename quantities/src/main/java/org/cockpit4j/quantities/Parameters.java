package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.quantity.ByproductQuantity;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The parameter values θ_k: a list over parameters of nested lists in each parameter's shape (the
 * original's {@code p.tolist()}). Needs nothing; large for large models.
 */
public final class Parameters extends ByproductQuantity {

  /** Tracked on {@code schedule}. */
  public Parameters(Schedule schedule) {
    super(schedule);
  }

  @Override
  protected Object compute(TrackedStep step) {
    List<Object> values = new ArrayList<>();
    List<double[]> host = step.parameterValues();
    for (int i = 0; i < host.size(); i++) {
      values.add(NestedLists.of(host.get(i), step.info().parameters().get(i).shape()));
    }
    return values;
  }
}
