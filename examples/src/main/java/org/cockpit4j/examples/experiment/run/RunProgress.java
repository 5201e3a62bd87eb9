package org.cockpit4j.examples.experiment.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cockpit4j.checkpoint.Checkpointable;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.train.StepMetrics;

/**
 * What an {@link ExperimentRun} accumulates for its summary while it trains — step times (in a
 * bounded histogram, so that a run of any length holds the same memory), the counters of the
 * training summary, the last evaluation, whether the divergence was reported — kept in checkpoints
 * so that a resumed run's summary covers the whole run.
 */
final class RunProgress implements Checkpointable {
  final StepTimeHistogram stepTimes = new StepTimeHistogram();
  final Map<String, Double> lastEvaluation = new LinkedHashMap<>();
  boolean divergenceReported;
  int stepsRun;
  double totalMilliseconds;
  double lastLoss = Double.NaN;

  /** Counts a finished step. */
  void step(StepMetrics metrics) {
    stepTimes.add(metrics.stepMilliseconds());
    stepsRun++;
    totalMilliseconds += metrics.stepMilliseconds();
    lastLoss = metrics.loss();
  }

  /** Mean milliseconds per step (NaN before the first). */
  double millisecondsPerStep() {
    return stepsRun == 0 ? Double.NaN : totalMilliseconds / stepsRun;
  }

  @Override
  public void saveState(StateWriter state) {
    state.putState("step_times", stepTimes);
    state.emptyList("last_evaluation");
    lastEvaluation.forEach(
        (key, value) ->
            state.addElement("last_evaluation").putString("key", key).putDouble("value", value));
    state.putBoolean("divergence_reported", divergenceReported);
    state.putInt("steps_run", stepsRun);
    state.putDouble("total_ms", totalMilliseconds);
    state.putDouble("last_loss", lastLoss);
  }

  @Override
  public void restoreState(StateReader state) {
    state.restoreState("step_times", stepTimes);
    lastEvaluation.clear();
    for (StateReader entry : state.list("last_evaluation")) {
      lastEvaluation.put(entry.getString("key"), entry.getDouble("value"));
    }
    divergenceReported = state.getBoolean("divergence_reported");
    stepsRun = state.getInt("steps_run");
    totalMilliseconds = state.getDouble("total_ms");
    lastLoss = state.getDouble("last_loss");
  }
}
