package org.cockpit4j.quantity;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.nn.Parameter;

/**
 * A quantity of the update of a scheduled step k (the original's UpdateSize semantics): θ_k is kept
 * (as views, no copy) when step k is tracked, {@link #measure} compares it with θ_{k+1} when step k
 * + 1 is tracked, and the value is stored under k, so the last scheduled step of a run has none.
 * The kept θ_k go into checkpoints. Subclasses say only what they measure.
 */
public abstract class UpdateQuantity extends TwoStepQuantity {
  private final TreeMap<Integer, ParameterSnapshot> starts = new TreeMap<>();

  /** Tracked on {@code schedule}. */
  protected UpdateQuantity(Schedule schedule) {
    super(schedule);
  }

  /** The value of the update from {@code start} (θ_k) to {@code parameters} (θ_{k+1}). */
  protected abstract Object measure(ParameterSnapshot start, List<Parameter> parameters);

  @Override
  protected final boolean isStart(int step) {
    return schedule().test(step);
  }

  @Override
  protected final boolean isEnd(int step) {
    return schedule().test(step - 1);
  }

  @Override
  protected final int saveShift() {
    return 1;
  }

  @Override
  protected final void start(TrackedStep step) {
    ParameterSnapshot previous =
        starts.put(step.step(), ParameterSnapshot.of(step.info().parameters()));
    if (previous != null) {
      previous.close();
    }
  }

  @Override
  protected final Object end(TrackedStep step) {
    ParameterSnapshot start = starts.get(step.step() - 1);
    Object value = null;
    if (start == null) {
      warn("no parameters were kept at step " + (step.step() - 1) + "; steps must increase by one");
    } else {
      value = measure(start, step.info().parameters());
    }
    Iterator<Map.Entry<Integer, ParameterSnapshot>> entries =
        starts.headMap(step.step()).entrySet().iterator();
    while (entries.hasNext()) {
      entries.next().getValue().close();
      entries.remove();
    }
    return value;
  }

  /** The kept θ of the pending start steps. */
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
