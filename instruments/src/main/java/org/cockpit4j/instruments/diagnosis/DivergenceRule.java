package org.cockpit4j.instruments.diagnosis;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PerParameter;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * A non-finite loss: the run diverged. Reports the first divergent step and the last finite values
 * before it (loss, gradient norm, α, largest eigenvalue) to show how it got there.
 */
public final class DivergenceRule implements DiagnosisRule {
  @Override
  public String id() {
    return "divergence";
  }

  @Override
  public String description() {
    return "Non-finite loss: the first divergent step and the last finite values";
  }

  @Override
  public List<Finding> examine(RunData run) {
    Series loss = run.series(OutputKeys.LOSS);
    int firstBad = -1;
    double badValue = Double.NaN;
    for (int i = 0; i < loss.size(); i++) {
      double value = loss.value(i);
      if (Double.isNaN(value) && !run.log().values(loss.step(i)).containsKey("Loss")) {
        continue; // the step has no loss entry at all
      }
      if (!Double.isFinite(value)) {
        firstBad = loss.step(i);
        badValue = value;
        break;
      }
    }
    if (firstBad < 0) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Evidence.at(firstBad, "Loss", badValue, "first non-finite loss"));
    int limit = firstBad;
    addLastFinite(evidence, run.series(OutputKeys.LOSS), "Loss", limit);
    addLastFinite(
        evidence,
        run.series(OutputKeys.GRAD_NORM, PerParameter::rootSumOfSquares),
        "GradNorm",
        limit);
    addLastFinite(evidence, run.series(OutputKeys.ALPHA), "Alpha", limit);
    addLastFinite(evidence, run.series(OutputKeys.HESS_MAX_EV), "HessMaxEV", limit);
    addLastFinite(
        evidence,
        run.series(OutputKeys.UPDATE_SIZE, PerParameter::rootSumOfSquares),
        "UpdateSize",
        limit);
    double rate = run.learningRate(firstBad);
    if (Double.isFinite(rate)) {
      evidence.add(Evidence.at(firstBad, "learning_rate", rate, "at the divergent step"));
    }
    return List.of(
        new Finding(
            id(),
            Severity.CRITICAL,
            "Diverged: the loss is " + Evidence.format(badValue) + " from step " + firstBad,
            "The loss became non-finite. Check the last finite values below: a growing gradient"
                + " norm or update size, α > 1 or lr·λmax > 2 before the divergence point to too"
                + " large steps (lower the learning rate, clip gradients); a sudden jump points to"
                + " a bad batch or a numerically unsafe operation (log of 0, division by 0).",
            evidence));
  }

  private static void addLastFinite(
      List<Evidence> evidence, Series series, String name, int before) {
    for (int i = series.size() - 1; i >= 0; i--) {
      if (series.step(i) < before && Double.isFinite(series.value(i))) {
        evidence.add(Evidence.at(series.step(i), name, series.value(i), "last finite value"));
        return;
      }
    }
  }
}
