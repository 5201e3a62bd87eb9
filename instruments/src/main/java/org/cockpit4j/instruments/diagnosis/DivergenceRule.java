package org.cockpit4j.instruments.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.cockpit4j.instrument.OutputKey;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.PerParameter;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instrument.Series;

/**
 * A non-finite loss, gradient, curvature or update: the run diverged. Reports the first non-finite
 * step and key, the first layer where a non-finite value appeared, and the last finite values
 * before it (loss, gradient norm, α, largest eigenvalue, update size) to show how it got there.
 *
 * <p>The layer comes from the per-parameter values: the parameters whose {@code GradNorm} entry is
 * non-finite at the first step where any is, else (without a non-finite gradient norm) those of
 * {@code UpdateSize}, {@code Distance} or {@code HessTrace}. The first of them in the model's
 * parameter order names the layer ({@code 2.weight} → layer {@code 2}). The finding carries these
 * as facts ({@code first_nonfinite_step}, {@code first_nonfinite_key}, {@code
 * first_nonfinite_layer}, {@code first_nonfinite_parameters}, {@code first_nonfinite_layer_step})
 * and, when the run recorded a sentence under {@value #RECORD_KEY}, that sentence as {@code
 * recorded}. A run that recorded a divergence its logged values do not show (it happened at an
 * untracked step) is reported too.
 */
public final class DivergenceRule implements DiagnosisRule {
  /**
   * The keys whose first non-finite value marks a divergence, in the order reported when several
   * break at the same step.
   */
  public static final List<String> WATCHED_KEYS =
      List.of(
          "Loss",
          "GradNorm",
          "GradAbsMax",
          "HessMaxEV",
          "HessTrace",
          "TICDiag",
          "TICTrace",
          "UpdateSize",
          "Distance",
          "ParamAbsMax");

  /** The log key under which a run may record, in one sentence, where it diverged. */
  public static final String RECORD_KEY = "divergence";

  /** The per-parameter keys that locate the layer, the most telling first. */
  private static final List<OutputKey<PerParameter>> LAYER_KEYS =
      List.of(
          OutputKeys.GRAD_NORM, OutputKeys.UPDATE_SIZE, OutputKeys.DISTANCE, OutputKeys.HESS_TRACE);

  /** The first non-finite value of a watched key. */
  private record Breach(int step, String key, double value) {}

  /** Where a non-finite per-parameter value first appeared. */
  private record Location(int step, String key, List<String> parameters, List<Double> values) {
    String layer() {
      return layerOf(parameters.get(0));
    }
  }

  @Override
  public String id() {
    return "divergence";
  }

  @Override
  public String description() {
    return "Non-finite loss, gradient or curvature: the first divergent step, the first layer"
        + " where it appeared and the last finite values";
  }

  @Override
  public List<Finding> examine(RunData run) {
    Breach breach = firstBreach(run);
    SortedMap<Integer, Object> recorded = run.log().column(RECORD_KEY);
    if (breach == null && recorded.isEmpty()) {
      return List.of();
    }
    int firstStep = breach != null ? breach.step() : recorded.firstKey();
    Location location = locate(run);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("first_nonfinite_step", firstStep);
    if (breach != null) {
      facts.put("first_nonfinite_key", breach.key());
    }
    if (location != null) {
      facts.put("first_nonfinite_layer", location.layer());
      facts.put("first_nonfinite_parameters", location.parameters());
      facts.put("first_nonfinite_layer_step", location.step());
    }
    if (!recorded.isEmpty()) {
      facts.put("recorded", String.valueOf(recorded.get(recorded.firstKey())));
    }

    List<Evidence> evidence = new ArrayList<>();
    if (breach != null) {
      evidence.add(
          Evidence.at(
              breach.step(), breach.key(), breach.value(), "first non-finite " + what(breach)));
    }
    addLastFinite(evidence, run.series(OutputKeys.LOSS), "Loss", firstStep);
    addLastFinite(
        evidence,
        run.series(OutputKeys.GRAD_NORM, PerParameter::rootSumOfSquares),
        "GradNorm",
        firstStep);
    addLastFinite(evidence, run.series(OutputKeys.ALPHA), "Alpha", firstStep);
    addLastFinite(evidence, run.series(OutputKeys.HESS_MAX_EV), "HessMaxEV", firstStep);
    addLastFinite(
        evidence,
        run.series(OutputKeys.UPDATE_SIZE, PerParameter::rootSumOfSquares),
        "UpdateSize",
        firstStep);
    double rate = run.learningRate(firstStep);
    if (Double.isFinite(rate)) {
      evidence.add(Evidence.at(firstStep, "learning_rate", rate, "at the divergent step"));
    }
    if (location != null) {
      for (int i = 0; i < location.parameters().size(); i++) {
        evidence.add(
            new Evidence(
                location.step(),
                location.key(),
                location.values().get(i),
                location.parameters().get(i),
                i == 0 ? "first non-finite layer" : "non-finite at the same step"));
      }
    }
    return List.of(
        new Finding(
            id(),
            Severity.CRITICAL,
            title(breach, firstStep, location),
            message(location),
            evidence,
            facts));
  }

  private static String title(Breach breach, int firstStep, Location location) {
    String where = location == null ? "" : ", first in layer " + location.layer();
    if (breach == null) {
      return "Diverged at step " + firstStep + " (recorded by the run)" + where;
    }
    String subject = breach.key().equals("Loss") ? "the loss" : breach.key();
    return "Diverged: "
        + subject
        + " is "
        + Evidence.format(breach.value())
        + " at step "
        + breach.step()
        + where;
  }

  private static String message(Location location) {
    String text =
        "A loss, gradient, curvature or update became non-finite. Check the last finite values"
            + " below: a growing gradient norm or update size, α > 1 or lr·λmax > 2 before the"
            + " divergence point to too large steps (lower the learning rate, clip gradients); a"
            + " sudden jump points to a bad batch or a numerically unsafe operation (log of 0,"
            + " division by 0).";
    if (location == null) {
      return text;
    }
    return text
        + " The first non-finite per-parameter value ("
        + location.key()
        + " at step "
        + location.step()
        + ") is in "
        + String.join(", ", location.parameters())
        + ": look at layer "
        + location.layer()
        + " first.";
  }

  private static String what(Breach breach) {
    return switch (breach.key()) {
      case "Loss" -> "loss";
      case "GradNorm", "GradAbsMax" -> "gradient";
      case "UpdateSize", "Distance", "ParamAbsMax" -> "update";
      default -> "curvature";
    };
  }

  /** The first step with a non-finite watched value, the first watched key broken there. */
  private static Breach firstBreach(RunData run) {
    for (Map.Entry<Integer, ? extends Map<String, Object>> entry : run.log().steps().entrySet()) {
      Map<String, Object> values = entry.getValue();
      for (String key : WATCHED_KEYS) {
        if (values.containsKey(key)) {
          double value = NonFiniteValues.first(values.get(key));
          if (!Double.isFinite(value)) {
            return new Breach(entry.getKey(), key, value);
          }
        }
      }
    }
    return null;
  }

  /** The first step and parameters with a non-finite entry of the most telling layer key. */
  private static Location locate(RunData run) {
    for (OutputKey<PerParameter> key : LAYER_KEYS) {
      for (Map.Entry<Integer, PerParameter> entry : run.column(key).entrySet()) {
        PerParameter value = entry.getValue();
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          if (!Double.isFinite(value.get(i))) {
            names.add(run.parameterName(i));
            values.add(value.get(i));
          }
        }
        if (!names.isEmpty()) {
          return new Location(entry.getKey(), key.name(), List.copyOf(names), List.copyOf(values));
        }
      }
    }
    return null;
  }

  /** The layer of a parameter: its name without the last dotted part ({@code 2.weight} → 2). */
  static String layerOf(String parameter) {
    int dot = parameter.lastIndexOf('.');
    return dot > 0 ? parameter.substring(0, dot) : parameter;
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
