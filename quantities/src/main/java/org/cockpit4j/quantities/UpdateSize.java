package org.cockpit4j.quantities;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.quantity.ParameterSnapshot;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;
import org.cockpit4j.quantity.TwoStepQuantity;

/**
 * Per parameter, the size ‖θ_{k+1},p − θ_k,p‖₂ of the update of a scheduled step k, computed when
 * step k + 1 is tracked and stored under k (so the last scheduled step of a run has no value). θ_k
 * is kept as a view, not a copy.
 */
public final class UpdateSize extends TwoStepQuantity {
  private final TreeMap<Integer, ParameterSnapshot> starts = new TreeMap<>();

  /** Tracked on {@code schedule}. */
  public UpdateSize(Schedule schedule) {
    super(schedule);
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
    Object value = null;
    if (start == null) {
      warn("no parameters were kept at step " + (step.step() - 1) + "; steps must increase by one");
    } else {
      value = start.distancesTo(step.info().parameters());
    }
    dropBefore(step.step());
    return value;
  }

  private void dropBefore(int step) {
    Iterator<Map.Entry<Integer, ParameterSnapshot>> entries =
        starts.headMap(step).entrySet().iterator();
    while (entries.hasNext()) {
      entries.next().getValue().close();
      entries.remove();
    }
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
