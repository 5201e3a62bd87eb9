package org.cockpit4j.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.reference.HessianFacts;
import org.cockpit4j.reference.ReferenceCase;
import org.cockpit4j.reference.ReferenceStep;
import org.cockpit4j.reference.TensorData;
import org.cockpit4j.reference.Tolerance;

/**
 * Compares a {@link ReplayedCase} with the reference case it replays: one {@link CheckRow} per
 * recorded key (forward values, every BackPACK output, the derived Gram matrix, the Hessian trace,
 * the trajectory, Adam's moments), each over all steps and parameters. Keys a case file does not
 * record are not compared.
 */
public final class ReferenceCheck {
  private final ReferenceCase expected;
  private final ToleranceProfile profile;
  private final Map<String, KeyComparison> keys = new LinkedHashMap<>();

  private ReferenceCheck(ReferenceCase expected, ToleranceProfile profile) {
    this.expected = expected;
    this.profile = profile;
  }

  /** The rows of comparing {@code actual} with {@code expected} under {@code profile}. */
  public static List<CheckRow> compare(
      ReferenceCase expected, ReplayedCase actual, ToleranceProfile profile) {
    ReferenceCheck check = new ReferenceCheck(expected, profile);
    check.run(actual);
    List<CheckRow> rows = new ArrayList<>();
    check.keys.values().forEach(key -> rows.add(key.row()));
    return rows;
  }

  private KeyComparison key(String key) {
    return keys.computeIfAbsent(
        key, name -> new KeyComparison(expected.name(), name, tolerance(name)));
  }

  private Tolerance tolerance(String key) {
    return profile.forKey(key);
  }

  private void run(ReplayedCase actual) {
    List<String> names = expected.parameters().stream().map(p -> p.name()).toList();
    KeyComparison parameterNames = key("parameters.names");
    if (!names.equals(actual.parameterNames())) {
      parameterNames.mismatch(
          "parameters", "model parameters " + actual.parameterNames() + ", case lists " + names);
    } else {
      parameterNames.compare("parameters", names.size(), names.size());
    }
    if (actual.steps().size() != expected.numSteps()) {
      key("steps")
          .mismatch(
              "steps", actual.steps().size() + " replayed, " + expected.numSteps() + " recorded");
    }
    int steps = Math.min(actual.steps().size(), expected.numSteps());
    for (int k = 0; k < steps; k++) {
      compareStep(expected.step(k), actual.steps().get(k));
    }
    compareList("final_params", "final_params", actual.finalParams(), expected.finalParams());
  }

  private void compareStep(ReferenceStep reference, ReplayedStep replayed) {
    String at = "steps[" + reference.globalStep() + "]";
    compareList("params", at + ".params", replayed.params(), reference.params());
    key("forward.loss").compare(at + ".forward.loss", replayed.loss(), reference.forward().loss());
    key("forward.individual_losses")
        .compare(
            at + ".forward.individual_losses",
            replayed.individualLosses(),
            reference.forward().individualLosses());
    key("forward.outputs")
        .compare(at + ".forward.outputs", replayed.outputs(), reference.forward().outputs());
    for (Map.Entry<String, List<TensorData>> entry : reference.backpack().entrySet()) {
      String name = entry.getKey();
      List<TensorData> computed = replayed.backpack().get(name);
      if (computed == null) {
        key("backpack." + name)
            .mismatch(at + ".backpack." + name, "Cockpit4J does not compute this BackPACK key");
        continue;
      }
      compareList("backpack." + name, at + ".backpack." + name, computed, entry.getValue());
    }
    if (reference.derived() != null) {
      compareOptional("derived.batch_dot", at, replayed.batchDot(), reference.derived().batchDot());
      compareOptional(
          "derived.batch_l2_total",
          at,
          replayed.batchL2Total(),
          reference.derived().batchL2Total());
    }
    if (reference.hessian() != null) {
      compareHessian(at + ".hessian", replayed.hessian(), reference.hessian());
    }
    if (reference.optimizerStateAfterUpdate() != null) {
      String where = at + ".optimizer_state_after_update";
      var state = reference.optimizerStateAfterUpdate();
      KeyComparison stepKey = key("optimizer_state_after_update.step");
      stepKey.compare(where + ".step", replayed.optimizerStep(), state.step());
      state
          .buffers()
          .forEach(
              (name, tensors) -> {
                List<TensorData> computed = replayed.optimizerState().get(name);
                String key = "optimizer_state_after_update." + name;
                if (computed == null) {
                  key(key).mismatch(where + "." + name, "the optimizer keeps no such buffer");
                } else {
                  compareList(key, where + "." + name, computed, tensors);
                }
              });
    }
  }

  private void compareHessian(String where, HessianFacts actual, HessianFacts expected) {
    key("hessian.dim").compare(where + ".dim", actual.dim(), expected.dim());
    key("hessian.trace").compare(where + ".trace", actual.trace(), expected.trace());
    Map<String, double[]> spectrum = new LinkedHashMap<>();
    spectrum.put("eig_max", new double[] {actual.eigMax(), expected.eigMax()});
    spectrum.put("eig_min", new double[] {actual.eigMin(), expected.eigMin()});
    spectrum.put("eig_abs_max", new double[] {actual.eigAbsMax(), expected.eigAbsMax()});
    spectrum.put("eig_second_abs", new double[] {actual.eigSecondAbs(), expected.eigSecondAbs()});
    spectrum.put("frobenius_norm", new double[] {actual.frobeniusNorm(), expected.frobeniusNorm()});
    for (Map.Entry<String, double[]> entry : spectrum.entrySet()) {
      String key = "hessian." + entry.getKey();
      // Eigenvalues near zero are resolved to rounding of the matrix norm, not of themselves.
      Tolerance base = tolerance(key);
      Tolerance scaled =
          new Tolerance(base.rtol(), base.atol() * Math.max(1.0, expected.frobeniusNorm()));
      keys.computeIfAbsent(key, name -> new KeyComparison(this.expected.name(), name, scaled))
          .compare(where + "." + entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
    }
  }

  private void compareOptional(String key, String at, TensorData actual, TensorData expected) {
    if (expected != null) {
      key(key).compare(at + "." + key, actual, expected);
    }
  }

  private void compareList(
      String key, String where, List<TensorData> actual, List<TensorData> expected) {
    KeyComparison comparison = key(key);
    if (actual.size() != expected.size()) {
      comparison.mismatch(
          where, actual.size() + " parameter tensors computed, " + expected.size() + " expected");
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      comparison.compare(where + "[" + i + "]", actual.get(i), expected.get(i));
    }
  }
}
