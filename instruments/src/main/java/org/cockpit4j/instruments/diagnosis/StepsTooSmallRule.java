package org.cockpit4j.instruments.diagnosis;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * α near −1 at most steps: the update barely moves along the fitted parabola (the start sits at
 * −1), so the steps are too small to make progress.
 */
public final class StepsTooSmallRule implements DiagnosisRule {
  /** α below this counts as "near −1". */
  public static final double THRESHOLD = -0.8;

  /** Fraction of tracked steps that must be near −1. */
  public static final double FRACTION = 0.5;

  @Override
  public String id() {
    return "steps-too-small";
  }

  @Override
  public String description() {
    return "Alpha mostly near -1: the steps barely move the loss";
  }

  @Override
  public List<Finding> examine(RunData run) {
    Series alpha = run.series(OutputKeys.ALPHA).finite();
    if (alpha.size() < StepsTooLargeRule.MIN_VALUES) {
      return List.of();
    }
    List<Evidence> near = new ArrayList<>();
    for (int i = 0; i < alpha.size(); i++) {
      if (alpha.value(i) < THRESHOLD) {
        near.add(Evidence.at(alpha.step(i), "Alpha", alpha.value(i), "near -1"));
      }
    }
    if (near.size() <= FRACTION * alpha.size()) {
      return List.of();
    }
    List<Evidence> evidence =
        new ArrayList<>(near.subList(Math.max(0, near.size() - 5), near.size()));
    evidence.add(
        Evidence.at(-1, "Alpha", alpha.mean(), "mean over " + alpha.size() + " tracked steps"));
    return List.of(
        new Finding(
            id(),
            Severity.WARNING,
            "Steps too small: α < −0.8 at "
                + near.size()
                + " of "
                + alpha.size()
                + " tracked steps (mean α = "
                + Evidence.format(alpha.mean())
                + ")",
            "Each step stays close to its start on the locally fitted parabola (α = −1 means no"
                + " effective move, or a concave fit). Increase the learning rate, e.g. by a factor"
                + " of 2 to 10.",
            evidence));
  }
}
