package org.cockpit4j.plugins.updateratio;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.ParameterSnapshot;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.UpdateQuantity;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Per parameter, the ratio {@code ‖θ_{k+1},p − θ_k,p‖ / ‖θ_k,p‖} of the update of a scheduled step
 * k to the parameter itself: the signature chart of the Deeplearning4j training UI ("update :
 * parameter ratio", read on a log10 scale; a rule of thumb puts healthy training near 10⁻³ — much
 * larger ratios mean the learning rate is too high for that layer, much smaller ones that it barely
 * learns). Weights and biases are separate entries, in parameter order.
 *
 * <p>Two-step semantics like the original's UpdateSize: θ_k is kept (as views, no copy) when a
 * scheduled step k is tracked, the ratio is computed when step k + 1 is tracked and stored under k,
 * so the last scheduled step of a run has no value. A parameter with ‖θ_k‖ = 0 gets NaN.
 */
public final class UpdateRatio extends UpdateQuantity {
  /** The log key. */
  public static final String NAME = "UpdateRatio";

  /** Tracked on {@code schedule}. */
  public UpdateRatio(Schedule schedule) {
    super(schedule);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected Object measure(ParameterSnapshot start, List<Parameter> parameters) {
    List<Double> updates = start.distancesTo(parameters);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < updates.size(); i++) {
      double norm = norm(start.value(i));
      ratios.add(norm == 0 ? Double.NaN : updates.get(i) / norm);
    }
    return ratios;
  }

  @SuppressWarnings("try") // the scope frees the temporary; it is never referenced
  private static double norm(Tensor value) {
    try (TensorScope scope = TensorScope.open()) {
      return Math.sqrt(value.sumOfSquares().item());
    }
  }
}
