package org.cockpit4j.instruments.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PerParameter;
import org.cockpit4j.instrument.RunData;

/**
 * Some layers' gradients collapsed to zero: over the last tracked steps, a parameter's gradient
 * norm stayed below {@value #RELATIVE} times the largest parameter's norm (or exactly zero), so the
 * layer no longer learns — vanishing gradients (saturated activations, dead ReLUs, a too-deep plain
 * network, bad initialisation).
 */
public final class VanishingGradientRule implements DiagnosisRule {
  /** A norm below this fraction of the largest layer's norm counts as collapsed. */
  public static final double RELATIVE = 1e-6;

  /** How many of the last tracked steps must all show the collapse. */
  public static final int WINDOW = 3;

  @Override
  public String id() {
    return "vanishing-gradients";
  }

  @Override
  public String description() {
    return "Some layers' gradient norms collapsed to zero: vanishing gradients";
  }

  @Override
  public List<Finding> examine(RunData run) {
    SortedMap<Integer, PerParameter> column = run.column(OutputKeys.GRAD_NORM);
    List<Map.Entry<Integer, PerParameter>> entries = new ArrayList<>(column.entrySet());
    if (entries.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<Integer, PerParameter>> window =
        entries.subList(Math.max(0, entries.size() - WINDOW), entries.size());
    int parameters = window.get(window.size() - 1).getValue().size();
    List<Evidence> evidence = new ArrayList<>();
    List<String> collapsed = new ArrayList<>();
    for (int p = 0; p < parameters; p++) {
      boolean always = true;
      for (Map.Entry<Integer, PerParameter> entry : window) {
        PerParameter norms = entry.getValue();
        if (p >= norms.size() || !collapsed(norms, p)) {
          always = false;
          break;
        }
      }
      if (always) {
        Map.Entry<Integer, PerParameter> last = window.get(window.size() - 1);
        collapsed.add(run.parameterName(p));
        evidence.add(
            new Evidence(
                last.getKey(),
                "GradNorm",
                last.getValue().get(p),
                run.parameterName(p),
                "largest layer norm " + Evidence.format(largest(last.getValue()))));
      }
    }
    if (collapsed.isEmpty()) {
      return List.of();
    }
    boolean all = collapsed.size() == parameters;
    return List.of(
        new Finding(
            id(),
            all ? Severity.CRITICAL : Severity.WARNING,
            all
                ? "Vanishing gradients: every parameter's gradient is zero over the last "
                    + window.size()
                    + " tracked steps"
                : "Vanishing gradients in "
                    + collapsed.size()
                    + " of "
                    + parameters
                    + " parameters: "
                    + String.join(", ", collapsed.subList(0, Math.min(4, collapsed.size())))
                    + (collapsed.size() > 4 ? ", ..." : ""),
            "These parameters' gradient norms stayed below "
                + RELATIVE
                + " of the largest layer's over the last "
                + window.size()
                + " tracked steps, so they no longer learn. Look for saturated activations (sigmoid,"
                + " tanh), dead ReLUs (too large steps, negative bias), a too-deep plain network,"
                + " or an initialisation at a flat point; try normalisation layers, residual"
                + " connections or a smaller learning rate.",
            evidence));
  }

  private static boolean collapsed(PerParameter norms, int p) {
    double value = norms.get(p);
    double largest = largest(norms);
    return value == 0 || (Double.isFinite(value) && largest > 0 && value < RELATIVE * largest);
  }

  private static double largest(PerParameter norms) {
    double largest = 0;
    for (double value : norms.values()) {
      if (Double.isFinite(value)) {
        largest = Math.max(largest, value);
      }
    }
    return largest;
  }
}
