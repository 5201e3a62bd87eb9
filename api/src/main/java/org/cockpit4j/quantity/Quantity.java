package org.cockpit4j.quantity;

import java.util.Map;
import java.util.function.Consumer;
import org.cockpit4j.checkpoint.Checkpointable;

/**
 * A number (or histogram, or list) the Cockpit tracks during training. At every global step the
 * Cockpit asks {@link #shouldCompute}; at the steps where it is true it collects the quantity's
 * {@link #needs} before the backward pass, runs one backward pass for all quantities, then calls
 * {@link #track}, which returns the value to store (or null).
 *
 * <p>Most quantities extend one of the three step semantics of the original: {@link
 * SingleStepQuantity} (value of step k computed at k), {@link ByproductQuantity} (the same, needing
 * nothing from the backward pass) and {@link TwoStepQuantity} (a start and an end step, e.g.
 * Alpha). The log key is {@link #name()}, the original's class name.
 *
 * <p>A quantity keeps state between steps (caches of θ, ranges, warm starts); one instance serves
 * one training run with steps increasing by one. Not thread-safe.
 *
 * <p>Checkpoints: a quantity that keeps state between steps (a pending two-step measurement, a warm
 * start, an adapted range, a running average) saves and restores it through {@link Checkpointable}
 * so that a resumed run logs exactly what the uninterrupted one would; the default is stateless.
 * {@link ParameterSnapshot#saveState} and {@link ParameterDirection#save} store the SPI's tensor
 * holders. The Cockpit saves its quantities between steps, when the parameters hold θ_{k+1} of the
 * last step k taken.
 */
public abstract class Quantity implements Checkpointable {
  private final Schedule schedule;
  private Consumer<String> warnings = message -> {};

  /** A quantity tracked on {@code schedule}. */
  protected Quantity(Schedule schedule) {
    if (schedule == null) {
      throw new IllegalArgumentException("A quantity needs a schedule, e.g. Schedules.linear(1)");
    }
    this.schedule = schedule;
  }

  /** The log key: the original's class name, e.g. {@code Alpha}. */
  public String name() {
    return getClass().getSimpleName();
  }

  /** The schedule given at construction. */
  public final Schedule schedule() {
    return schedule;
  }

  /** Whether the quantity does anything at {@code step}. */
  public abstract boolean shouldCompute(int step);

  /**
   * What the backward pass of {@code info.step()} must provide; called before the pass, only at
   * steps where {@link #shouldCompute} is true.
   *
   * @throws UnsupportedSettingException when the quantity cannot run in this setting
   */
  public abstract Needs needs(StepInfo info);

  /**
   * Computes after the backward pass (before the optimizer step) at a step where {@link
   * #shouldCompute} is true; returns the value to store, or null when nothing is stored.
   *
   * @throws UnsupportedSettingException when the quantity cannot run in this setting
   */
  public abstract QuantityOutput track(TrackedStep step);

  /** The hyper-parameters, by the original's argument names, for descriptions and logs. */
  public Map<String, Object> options() {
    return Map.of();
  }

  /** Frees cached state (tensors kept between steps). The quantity must not be used afterwards. */
  public void close() {}

  /** Where {@link #warn} sends messages; the Cockpit sets it. */
  public final void setWarnings(Consumer<String> warnings) {
    this.warnings = warnings == null ? message -> {} : warnings;
  }

  /** Reports a warning (the Cockpit shows each distinct message once). */
  protected final void warn(String message) {
    warnings.accept(name() + ": " + message);
  }

  @Override
  public String toString() {
    Map<String, Object> options = options();
    return name() + (options.isEmpty() ? "" : options.toString()) + " on " + schedule;
  }
}
