package org.cockpit4j.examples.experiment.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One quantity: {@code {type: HessMaxEV, schedule: {interval: 10}, options: {use_power: false}}}.
 *
 * @param type the quantity's name as its provider knows it (the original's class name for the
 *     built-ins), required
 * @param schedule when it is tracked; default the cockpit's schedule
 * @param options its hyper-parameters by the original's argument names; default none
 */
public record QuantityConfig(
    String type, TrackScheduleConfig schedule, Map<String, Object> options) {

  /** Copies. */
  public QuantityConfig {
    options =
        options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }
}
