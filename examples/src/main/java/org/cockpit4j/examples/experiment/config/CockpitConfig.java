package org.cockpit4j.examples.experiment.config;

import java.util.List;

/**
 * What the Cockpit tracks: a preset of the original ({@code economy}, {@code business}, {@code
 * full}, or {@code none}) on one schedule, plus more quantities, each with its own schedule and
 * options. A listed quantity whose name is in the preset replaces the preset's instance.
 *
 * @param preset the configuration label; default {@code none}
 * @param schedule when the preset's quantities (and listed ones without their own) are tracked;
 *     default every step
 * @param quantities additional quantities; default none
 * @param exclude preset quantities to leave out, by name; default none
 * @param strict whether a quantity that cannot run in this setting fails the run (default false: it
 *     is left out with a warning)
 */
public record CockpitConfig(
    String preset,
    TrackScheduleConfig schedule,
    List<QuantityConfig> quantities,
    List<String> exclude,
    Boolean strict) {

  /** The known presets. */
  public static final List<String> PRESETS = List.of("none", "economy", "business", "full");

  /** Fills the defaults and copies. */
  public CockpitConfig {
    preset = preset == null ? "none" : preset;
    schedule = schedule == null ? TrackScheduleConfig.everyStep() : schedule;
    quantities = quantities == null ? List.of() : List.copyOf(quantities);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    strict = strict == null ? Boolean.FALSE : strict;
  }

  /** No quantities. */
  public static CockpitConfig defaults() {
    return new CockpitConfig(null, null, null, null, null);
  }
}
