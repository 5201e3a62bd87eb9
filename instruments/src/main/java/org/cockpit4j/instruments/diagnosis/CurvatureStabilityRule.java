package org.cockpit4j.instruments.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.RunData;

/**
 * {@code lr · λmax > 2}: on a quadratic with largest curvature λmax, gradient descent with learning
 * rate lr multiplies the error along the top eigenvector by {@code |1 − lr·λmax|} per step, which
 * exceeds 1 — plain SGD is unstable there. Needs HessMaxEV and the learning rate ({@code
 * learning_rate} in the log or the metadata); skipped for optimizers other than SGD.
 */
public final class CurvatureStabilityRule implements DiagnosisRule {
  /** The stability limit of gradient descent. */
  public static final double LIMIT = 2;

  @Override
  public String id() {
    return "unstable-curvature";
  }

  @Override
  public String description() {
    return "lr * max Hessian eigenvalue > 2: SGD is unstable along the sharpest direction";
  }

  @Override
  public List<Finding> examine(RunData run) {
    String optimizer = run.optimizerName();
    if (optimizer != null && !optimizer.toLowerCase(Locale.ROOT).contains("sgd")) {
      return List.of();
    }
    List<Evidence> unstable = new ArrayList<>();
    int checked = 0;
    double worst = 0;
    for (Map.Entry<Integer, Double> entry : run.column(OutputKeys.HESS_MAX_EV).entrySet()) {
      double lambda = entry.getValue();
      double rate = run.learningRate(entry.getKey());
      if (!Double.isFinite(lambda) || !Double.isFinite(rate)) {
        continue;
      }
      checked++;
      double product = rate * Math.abs(lambda);
      if (product > LIMIT) {
        worst = Math.max(worst, product);
        unstable.add(
            Evidence.at(
                entry.getKey(),
                "HessMaxEV",
                lambda,
                "lr = " + Evidence.format(rate) + ", lr·λmax = " + Evidence.format(product)));
      }
    }
    if (unstable.isEmpty()) {
      return List.of();
    }
    double lastLambda = unstable.get(unstable.size() - 1).value();
    List<Evidence> evidence =
        new ArrayList<>(unstable.subList(Math.max(0, unstable.size() - 5), unstable.size()));
    return List.of(
        new Finding(
            id(),
            Severity.WARNING,
            "Unstable for SGD: lr·λmax > 2 at "
                + unstable.size()
                + " of "
                + checked
                + " tracked steps (up to "
                + Evidence.format(worst)
                + ")",
            "Along the Hessian's top eigenvector gradient descent multiplies the error by |1 −"
                + " lr·λmax| > 1 per step, so the loss oscillates or diverges there. Keep the"
                + " learning rate below 2/λmax = "
                + Evidence.format(LIMIT / Math.abs(lastLambda))
                + " (last tracked λmax), or use warm-up.",
            evidence));
  }
}
