package org.cockpit4j.quantities;

import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.quantity.ParameterSnapshot;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.TrackedStep;
import org.cockpit4j.quantity.TwoStepQuantity;
import org.cockpit4j.quantity.UnsupportedSettingException;

/**
 * Per parameter, the distance ‖θ_k,p − θ_0,p‖₂ from the initial point. θ_0 is kept at step 0
 * whether or not step 0 is scheduled (a view, no copy), so the run must include step 0.
 */
public final class Distance extends TwoStepQuantity {
  private ParameterSnapshot initial;

  /** Tracked on {@code schedule}. */
  public Distance(Schedule schedule) {
    super(schedule);
  }

  @Override
  protected boolean isStart(int step) {
    return step == 0;
  }

  @Override
  protected boolean isEnd(int step) {
    return schedule().test(step);
  }

  @Override
  protected int saveShift() {
    return 0;
  }

  @Override
  protected void start(TrackedStep step) {
    if (initial != null) {
      initial.close();
    }
    initial = ParameterSnapshot.of(step.info().parameters());
  }

  @Override
  protected Object end(TrackedStep step) {
    if (initial == null) {
      throw new UnsupportedSettingException(
          "Distance measures from θ_0, but the Cockpit never saw step 0 (first tracked step "
              + step.step()
              + "); start the run at global step 0");
    }
    return initial.distancesTo(step.info().parameters());
  }

  /** θ_0, once step 0 was seen. */
  @Override
  public void saveState(StateWriter state) {
    state.putBoolean("has_initial", initial != null);
    if (initial != null) {
      initial.saveState(state.child("initial"));
    }
  }

  @Override
  public void restoreState(StateReader state) {
    close();
    if (state.getBoolean("has_initial")) {
      initial = ParameterSnapshot.restore(state.child("initial"));
    }
  }

  @Override
  public void close() {
    if (initial != null) {
      initial.close();
      initial = null;
    }
  }
}
