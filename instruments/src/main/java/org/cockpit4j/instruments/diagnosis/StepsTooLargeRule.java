package org.cockpit4j.instruments.diagnosis;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * α mostly above +0.5: the steps overshoot the minimum of the loss along the update direction (α =
 * 0 lands in the minimum, +1 on the opposite flank at the start's height, above 1 the loss went
 * up), so the steps are too large.
 */
public final class StepsTooLargeRule implements DiagnosisRule {
  /** α above this counts as an overshoot. */
  public static final double THRESHOLD = 0.5;

  /** Fraction of tracked steps that must overshoot. */
  public static final double FRACTION = 0.5;

  /** Fewest α values the rule needs. */
  public static final int MIN_VALUES = 3;

  @Override
  public String id() {
    return "steps-too-large";
  }

  @Override
  public String description() {
    return "Alpha mostly above +0.5: the optimizer overshoots along its steps";
  }

  @Override
  public List<Finding> examine(RunData run) {
    Series alpha = run.series(OutputKeys.ALPHA).finite();
    if (alpha.size() < MIN_VALUES) {
      return List.of();
    }
    List<Evidence> above = new ArrayList<>();
    for (int i = 0; i < alpha.size(); i++) {
      if (alpha.value(i) > THRESHOLD) {
        above.add(Evidence.at(alpha.step(i), "Alpha", alpha.value(i), "above +0.5"));
      }
    }
    if (above.size() <= FRACTION * alpha.size()) {
      return List.of();
    }
    List<Evidence> evidence =
        new ArrayList<>(above.subList(Math.max(0, above.size() - 5), above.size()));
    evidence.add(
        Evidence.at(-1, "Alpha", alpha.mean(), "mean over " + alpha.size() + " tracked steps"));
    return List.of(
        new Finding(
            id(),
            Severity.WARNING,
            "Steps too large: α > +0.5 at "
                + above.size()
                + " of "
                + alpha.size()
                + " tracked steps (mean α = "
                + Evidence.format(alpha.mean())
                + ")",
            "The optimizer steps past the minimum of the loss along its update direction (α = 0"
                + " would land in it, α > 1 means the loss went up). Lower the learning rate, e.g."
                + " by a factor of 2 to 10, or add a decaying schedule.",
            evidence));
  }
}
