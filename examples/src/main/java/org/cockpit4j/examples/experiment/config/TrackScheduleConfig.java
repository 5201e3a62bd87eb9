package org.cockpit4j.examples.experiment.config;

import java.util.List;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.Schedules;

/**
 * When a quantity is tracked, the original's {@code track_schedule}:
 *
 * <ul>
 *   <li>{@code {type: linear, interval: 1, offset: 0}} (the default type): every {@code
 *       interval}-th step from {@code offset} on;
 *   <li>{@code {type: logarithmic, start, end, steps: 300, base: 10, init: true}}: steps spaced
 *       evenly on a log scale from {@code base^start} to {@code base^end}.
 * </ul>
 */
public record TrackScheduleConfig(
    String type,
    Integer interval,
    Integer offset,
    Double start,
    Double end,
    Integer steps,
    Double base,
    Boolean init) {

  /** The known schedule types. */
  public static final List<String> TYPES = List.of("linear", "logarithmic");

  /** Fills the type's default. */
  public TrackScheduleConfig {
    type = type == null ? "linear" : type;
  }

  /** Every step: {@code linear(1, 0)}. */
  public static TrackScheduleConfig everyStep() {
    return linear(1);
  }

  /** {@code linear(interval, 0)}. */
  public static TrackScheduleConfig linear(int interval) {
    return new TrackScheduleConfig("linear", interval, 0, null, null, null, null, null);
  }

  /** The schedule (call after validation). */
  public Schedule toSchedule() {
    if (type.equals("logarithmic")) {
      return Schedules.logarithmic(
          start,
          end,
          steps == null ? 300 : steps,
          base == null ? 10.0 : base,
          init == null || init);
    }
    return Schedules.linear(interval == null ? 1 : interval, offset == null ? 0 : offset);
  }
}
