package org.cockpit4j.instrument;

import java.util.List;

/**
 * A gauge of the cockpit: reads typed quantity outputs from a run ({@link RunData}) and describes
 * what to draw ({@link GaugeView}), without any chart library. Implementations are found through
 * {@link java.util.ServiceLoader} (register them in {@code
 * META-INF/services/org.cockpit4j.instrument.Instrument}; one public no-argument constructor) and
 * must be stateless and thread-safe.
 *
 * <pre>{@code
 * public final class GradNormGauge implements Instrument {
 *   public String name() { return "grad-norm"; }
 *   public String title() { return "Gradient Norm"; }
 *   public InstrumentGroup group() { return InstrumentGroup.STEP_SIZE; }
 *   public int order() { return 2; }
 *   public List<OutputKey<?>> requires() { return List.of(OutputKeys.GRAD_NORM); }
 *   public GaugeView draw(RunData run) { ... }
 * }
 * }</pre>
 */
public interface Instrument {

  /** A stable id, lower-case with dashes (e.g. {@code grad-norm}); used by the dashboard. */
  String name();

  /** The gauge's title as the original shows it. */
  String title();

  /** Where the gauge sits. */
  InstrumentGroup group();

  /** Position within its group (top to bottom, left to right). */
  int order();

  /** The keys the gauge reads; it shows "no data yet" unless {@link #canShow} holds. */
  List<OutputKey<?>> requires();

  /**
   * Whether {@code run} has enough to draw: by default every required key has at least one
   * decodable value (numbers must be finite).
   */
  default boolean canShow(RunData run) {
    for (OutputKey<?> key : requires()) {
      if (key.type() == Double.class) {
        @SuppressWarnings("unchecked") // checked through type()
        OutputKey<Double> numeric = (OutputKey<Double>) key;
        if (run.series(numeric).finite().isEmpty()) {
          return false;
        }
      } else if (!run.has(key)) {
        return false;
      }
    }
    return true;
  }

  /**
   * What to draw for {@code run}; called only when {@link #canShow} holds. Must not fail on
   * non-finite values (drop them).
   */
  GaugeView draw(RunData run);

  /**
   * {@link #draw} when the run can be shown, else a "no data yet" view; a failure while drawing
   * also becomes a note, so one broken gauge never takes the figure or the dashboard down.
   */
  default GaugeView view(RunData run) {
    if (!canShow(run)) {
      return GaugeView.noData(this, "no data yet");
    }
    try {
      return draw(run);
    } catch (RuntimeException e) {
      return GaugeView.noData(this, "cannot draw: " + e.getMessage());
    }
  }
}
