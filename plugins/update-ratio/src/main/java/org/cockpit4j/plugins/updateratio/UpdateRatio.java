package org.cockpit4j.plugins.updateratio;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.quantity.ParameterSnapshot;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;
import org.cockpit4j.quantity.TwoStepQuantity;
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
public final class UpdateRatio extends TwoStepQuantity {
  /** The log key. */
  public static final String NAME = "UpdateRatio";

  private final TreeMap<Integer, ParameterSnapshot> starts = new TreeMap<>();

  /** Tracked on {@code schedule}. */
  public UpdateRatio(Schedule schedule) {
    super(schedule);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  protected boolean isStart(int step) {
    return schedule().test(step);
  }

  @Override
  protected boolean isEnd(int step) {
    return schedule().test(step - 1);
  }

  @Override
  protected int saveShift() {
    return 1;
  }

  @Override
  protected void start(TrackedStep step) {
    ParameterSnapshot previous =
        starts.put(step.step(), ParameterSnapshot.of(step.info().parameters()));
    if (previous != null) {
      previous.close();
    }
  }

  @Override
  protected Object end(TrackedStep step) {
    ParameterSnapshot start = starts.get(step.step() - 1);
    List<Double> ratios = null;
    if (start == null) {
      warn("no parameters were kept at step " + (step.step() - 1) + "; steps must increase by one");
    } else {
      List<Double> updates = start.distancesTo(step.info().parameters());
      ratios = new ArrayList<>();
      for (int i = 0; i < updates.size(); i++) {
        double norm = norm(start.value(i));
        ratios.add(norm == 0 ? Double.NaN : updates.get(i) / norm);
      }
    }
    Iterator<Map.Entry<Integer, ParameterSnapshot>> entries =
        starts.headMap(step.step()).entrySet().iterator();
    while (entries.hasNext()) {
      entries.next().getValue().close();
      entries.remove();
    }
    return ratios;
  }

  @SuppressWarnings("try") // the scope frees the temporary; it is never referenced
  private static double norm(Tensor value) {
    try (TensorScope scope = TensorScope.open()) {
      return Math.sqrt(value.sumOfSquares().item());
    }
  }

  /** The kept θ of the pending start steps (checkpoints resume the measurement exactly). */
  @Override
  public void saveState(StateWriter state) {
    state.emptyList("starts");
    starts.forEach(
        (step, snapshot) -> {
          StateWriter entry = state.addElement("starts");
          entry.putInt("step", step);
          snapshot.saveState(entry.child("theta"));
        });
  }

  @Override
  public void restoreState(StateReader state) {
    close();
    for (StateReader entry : state.list("starts")) {
      starts.put(entry.getInt("step"), ParameterSnapshot.restore(entry.child("theta")));
    }
  }

  @Override
  public void close() {
    starts.values().forEach(ParameterSnapshot::close);
    starts.clear();
  }
}
