package org.cockpit4j.examples.experiment.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cockpit4j.checkpoint.Checkpointable;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateWriter;
import org.cockpit4j.instruments.diagnosis.DivergenceRule;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.NdArray;
import org.cockpit4j.nn.Parameter;

/**
 * Watches a run for NaN and infinite values: the mini-batch loss of every step and every value the
 * Cockpit stored. It remembers the first non-finite step of each key; the first non-finite training
 * loss or value of a {@link #DIVERGENCE_KEYS divergence key} (loss, gradient, curvature, update)
 * marks the run as diverged. The layer where it started comes from the per-parameter {@code
 * GradNorm} (the parameters whose gradient norm is non-finite at the first such step), else from
 * the parameters holding non-finite values when the divergence is seen. Its state goes into
 * checkpoints ({@link Checkpointable}).
 */
public final class DivergenceMonitor implements Checkpointable {

  /**
   * The keys whose first non-finite value marks the run as diverged: the training loss ({@code
   * loss}) and the quantities the diagnosis watches ({@link DivergenceRule#WATCHED_KEYS}).
   */
  public static final Set<String> DIVERGENCE_KEYS =
      Stream.concat(Stream.of("loss"), DivergenceRule.WATCHED_KEYS.stream())
          .collect(Collectors.toUnmodifiableSet());

  /**
   * The first divergence of a run.
   *
   * @param step the first step with a non-finite loss or divergence-key value
   * @param key the key seen first ({@code loss} for the training loss)
   * @param value the non-finite value ({@code NaN}, {@code Infinity}, {@code -Infinity})
   * @param gradientStep the first step whose per-parameter {@code GradNorm} was non-finite, or -1
   * @param parameters the parameters where it appeared: non-finite {@code GradNorm} entries at
   *     {@code gradientStep}, else the parameters holding non-finite values at detection
   */
  public record Divergence(
      int step, String key, String value, int gradientStep, List<String> parameters) {

    /** One sentence for the console, the summary and the diagnosis. */
    public String describe() {
      StringBuilder text =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "the first non-finite value is %s = %s at step %d",
                  key,
                  value,
                  step));
      if (gradientStep >= 0) {
        text.append(
            String.format(
                Locale.ROOT,
                "; the gradient norm first became non-finite at step %d in %s",
                gradientStep,
                String.join(", ", parameters)));
      } else if (!parameters.isEmpty()) {
        text.append("; parameters holding non-finite values: ")
            .append(String.join(", ", parameters));
      }
      return text.toString();
    }
  }

  private final List<Parameter> parameters;
  private final Map<String, Integer> firstNonFinite = new LinkedHashMap<>();
  private Divergence divergence;
  private int gradientStep = -1;
  private List<String> gradientParameters = List.of();
  private int scannedThrough = -1;

  /** A monitor naming the entries of per-parameter values after {@code parameters}. */
  public DivergenceMonitor(List<Parameter> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  /** Checks the mini-batch loss of {@code step} and the values the Cockpit stored so far. */
  public void afterStep(int step, double loss, CockpitLog log) {
    // two-step quantities store step k - 1 at step k, so the previous step is scanned again
    for (int scanned = Math.max(0, Math.min(scannedThrough, step - 1));
        scanned <= step;
        scanned++) {
      int at = scanned;
      log.values(at).forEach((key, value) -> check(at, key, value));
    }
    scannedThrough = step;
    if (!Double.isFinite(loss)) {
      note(step, "loss", loss);
    }
  }

  private void check(int step, String key, Object value) {
    if (firstNonFinite.containsKey(key) && !"GradNorm".equals(key)) {
      return;
    }
    double bad = firstNonFinite(value);
    if (Double.isFinite(bad)) {
      return;
    }
    if ("GradNorm".equals(key) && gradientStep < 0) {
      gradientStep = step;
      gradientParameters = nonFiniteEntries(value);
    }
    note(step, key, bad);
  }

  private void note(int step, String key, double value) {
    firstNonFinite.merge(key, step, Math::min);
    if (divergence == null && DIVERGENCE_KEYS.contains(key)) {
      divergence = new Divergence(step, key, name(value), -1, List.of());
    }
  }

  /** What was seen so far: first non-finite steps, the divergence, the scan position. */
  @Override
  public void saveState(StateWriter state) {
    state.emptyList("first_non_finite");
    firstNonFinite.forEach(
        (key, step) ->
            state.addElement("first_non_finite").putString("key", key).putInt("step", step));
    state.putBoolean("diverged", divergence != null);
    if (divergence != null) {
      state.putInt("divergence_step", divergence.step());
      state.putString("divergence_key", divergence.key());
      state.putString("divergence_value", divergence.value());
    }
    state.putInt("gradient_step", gradientStep);
    state.putStrings("gradient_parameters", gradientParameters);
    state.putInt("scanned_through", scannedThrough);
  }

  @Override
  public void restoreState(StateReader state) {
    firstNonFinite.clear();
    for (StateReader entry : state.list("first_non_finite")) {
      firstNonFinite.put(entry.getString("key"), entry.getInt("step"));
    }
    divergence =
        state.getBoolean("diverged")
            ? new Divergence(
                state.getInt("divergence_step"),
                state.getString("divergence_key"),
                state.getString("divergence_value"),
                -1,
                List.of())
            : null;
    gradientStep = state.getInt("gradient_step");
    gradientParameters = List.copyOf(state.getStrings("gradient_parameters"));
    scannedThrough = state.getInt("scanned_through");
  }

  /** The first divergence, completed with the layer where it appeared; null while there is none. */
  public Divergence divergence() {
    if (divergence == null) {
      return null;
    }
    List<String> where = gradientParameters;
    if (gradientStep < 0) {
      where = new ArrayList<>();
      for (Parameter parameter : parameters) {
        for (double x : parameter.value().toDoubleArray()) {
          if (!Double.isFinite(x)) {
            where.add(parameter.name());
            break;
          }
        }
      }
    }
    return new Divergence(
        divergence.step(), divergence.key(), divergence.value(), gradientStep, List.copyOf(where));
  }

  /** Whether a loss or divergence-key value was non-finite. */
  public boolean diverged() {
    return divergence != null;
  }

  /** The first non-finite step of every key that had one, in the order they were seen. */
  public Map<String, Integer> firstNonFiniteSteps() {
    return Map.copyOf(firstNonFinite);
  }

  private List<String> nonFiniteEntries(Object value) {
    List<String> names = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (!Double.isFinite(firstNonFinite(list.get(i)))) {
          names.add(i < parameters.size() ? parameters.get(i).name() : "parameter " + i);
        }
      }
    } else if (value instanceof NdArray array) {
      for (int i = 0; i < array.data().length; i++) {
        if (!Double.isFinite(array.data()[i])) {
          names.add(i < parameters.size() ? parameters.get(i).name() : "parameter " + i);
        }
      }
    }
    if (names.isEmpty()) {
      names.add("the whole network");
    }
    return names;
  }

  /** The first non-finite number inside {@code value}, or 0 when all are finite. */
  static double firstNonFinite(Object value) {
    if (value instanceof Number number) {
      double x = number.doubleValue();
      return Double.isFinite(x) ? 0 : x;
    }
    if (value instanceof NdArray array) {
      for (double x : array.data()) {
        if (!Double.isFinite(x)) {
          return x;
        }
      }
      return 0;
    }
    if (value instanceof double[] array) {
      for (double x : array) {
        if (!Double.isFinite(x)) {
          return x;
        }
      }
      return 0;
    }
    if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        double x = firstNonFinite(item);
        if (!Double.isFinite(x)) {
          return x;
        }
      }
      return 0;
    }
    if (value instanceof Map<?, ?> map) {
      return firstNonFinite(map.values());
    }
    return 0;
  }

  private static String name(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    return value > 0 ? "Infinity" : "-Infinity";
  }
}
