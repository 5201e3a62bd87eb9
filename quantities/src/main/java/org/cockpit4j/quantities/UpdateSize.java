package org.cockpit4j.quantities;

import java.util.List;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.ParameterSnapshot;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.UpdateQuantity;

/**
 * Per parameter, the size ‖θ_{k+1},p − θ_k,p‖₂ of the update of a scheduled step k, computed when
 * step k + 1 is tracked and stored under k (so the last scheduled step of a run has no value). θ_k
 * is kept as a view, not a copy.
 */
public final class UpdateSize extends UpdateQuantity {

  /** Tracked on {@code schedule}. */
  public UpdateSize(Schedule schedule) {
    super(schedule);
  }

  @Override
  protected Object measure(ParameterSnapshot start, List<Parameter> parameters) {
    return start.distancesTo(parameters);
  }
}
