package org.cockpit4j.instruments.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.cockpit4j.instrument.Histogram1d;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.RunData;

/**
 * The gradient histogram piled up at its range limits: elements outside the range were clamped into
 * the outer bins, so the gradients are larger than the histogram expects — typically unscaled
 * inputs (pixel values 0..255, unnormalised features) or a too-narrow range.
 */
public final class GradientRangeRule implements DiagnosisRule {
  /** Fraction of all elements in the two outer bins that triggers the rule. */
  public static final double FRACTION = 0.05;

  @Override
  public String id() {
    return "gradient-range-limit";
  }

  @Override
  public String description() {
    return "Gradient histogram piled at its range limits: check the input scaling";
  }

  @Override
  public List<Finding> examine(RunData run) {
    SortedMap<Integer, Histogram1d> column = run.column(OutputKeys.GRAD_HIST_1D);
    if (column.isEmpty()) {
      return List.of();
    }
    int piledSteps = 0;
    int firstPiled = -1;
    for (Map.Entry<Integer, Histogram1d> entry : column.entrySet()) {
      if (outerFraction(entry.getValue()) > FRACTION && piled(entry.getValue())) {
        piledSteps++;
        if (firstPiled < 0) {
          firstPiled = entry.getKey();
        }
      }
    }
    int step = column.lastKey();
    Histogram1d latest = column.get(step);
    double fraction = outerFraction(latest);
    if (!(fraction > FRACTION && piled(latest))) {
      return List.of();
    }
    double[] counts = latest.counts();
    double[] edges = latest.edges();
    String range =
        "[" + Evidence.format(edges[0]) + ", " + Evidence.format(edges[edges.length - 1]) + "]";
    return List.of(
        new Finding(
            id(),
            Severity.WARNING,
            "Gradient elements pile up at the histogram's limits "
                + range
                + ": "
                + Evidence.format(100 * fraction)
                + " % clamped into the outer bins",
            "Per-sample gradient elements this large usually come from unscaled inputs; check the"
                + " input scaling (normalise features, divide pixel values by 255). If the"
                + " gradients are fine, widen the GradHist1d range or use adapt=GradAbsMax.",
            List.of(
                Evidence.at(step, "GradHist1d", fraction, "fraction of elements in the outer bins"),
                Evidence.at(
                    step,
                    "GradHist1d",
                    counts[0],
                    "count in the lowest bin at " + Evidence.format(edges[0])),
                Evidence.at(
                    step,
                    "GradHist1d",
                    counts[counts.length - 1],
                    "count in the highest bin at " + Evidence.format(edges[edges.length - 1])),
                Evidence.at(
                    firstPiled,
                    "GradHist1d",
                    piledSteps,
                    "tracked steps with piled outer bins, first at this step"))));
  }

  /** Share of all counts in the first and last bins. */
  static double outerFraction(Histogram1d hist) {
    double total = hist.total();
    if (!(total > 0)) {
      return 0;
    }
    double[] counts = hist.counts();
    double outer = counts[0] + (counts.length > 1 ? counts[counts.length - 1] : 0);
    return outer / total;
  }

  /** Whether an outer bin holds more than its inner neighbour (a pile, not a smooth tail). */
  static boolean piled(Histogram1d hist) {
    double[] counts = hist.counts();
    if (counts.length < 3) {
      return true;
    }
    return counts[0] > counts[1] || counts[counts.length - 1] > counts[counts.length - 2];
  }
}
