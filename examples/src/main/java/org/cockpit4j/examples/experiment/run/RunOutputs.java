package org.cockpit4j.examples.experiment.run;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.examples.experiment.output.RunOutput;
import org.cockpit4j.log.CockpitLog;

/**
 * The outputs a run switched on ({@code figure}, {@code diagnosis}, {@code dashboard}), opened, and
 * notes about the ones no provider offers.
 */
public final class RunOutputs implements AutoCloseable {
  private final List<RunOutput> outputs;
  private final List<String> notes;

  /** Opened outputs and notes about skipped ones. */
  public RunOutputs(List<RunOutput> outputs, List<String> notes) {
    this.outputs = new ArrayList<>(outputs);
    this.notes = List.copyOf(notes);
  }

  /** Notes about outputs that were asked for but are not available. */
  public List<String> notes() {
    return notes;
  }

  /** Whether any output is open. */
  public boolean isEmpty() {
    return outputs.isEmpty();
  }

  void refresh(int step, CockpitLog log) {
    outputs.forEach(output -> output.refresh(step, log));
  }

  void finish(CockpitLog log) {
    outputs.forEach(output -> output.finish(log));
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (RunOutput output : outputs) {
      try {
        output.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    outputs.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
