package org.cockpit4j.examples.experiment.wiring;

import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.SourceMap;
import org.cockpit4j.examples.experiment.config.Suggestions;
import org.cockpit4j.examples.experiment.config.TrackScheduleConfig;

/** Checks a quantity's track schedule ({@code linear} or {@code logarithmic}). */
final class TrackSchedules {
  private TrackSchedules() {}

  static void check(TrackScheduleConfig schedule, String pointer, SourceMap sources) {
    if (!TrackScheduleConfig.TYPES.contains(schedule.type())) {
      throw ConfigException.at(
          sources,
          pointer + "/type",
          Suggestions.unknown("track schedule", schedule.type(), TrackScheduleConfig.TYPES),
          "");
    }
    if (schedule.type().equals("linear")) {
      if (schedule.interval() != null && schedule.interval() < 1) {
        throw ConfigException.at(
            sources,
            pointer + "/interval",
            "the interval must be at least 1, got " + schedule.interval(),
            "interval: 1 tracks every step, interval: 10 every tenth");
      }
      unused(schedule.start(), "start", pointer, sources, "linear");
      unused(schedule.end(), "end", pointer, sources, "linear");
      unused(schedule.steps(), "steps", pointer, sources, "linear");
      unused(schedule.base(), "base", pointer, sources, "linear");
      unused(schedule.init(), "init", pointer, sources, "linear");
      return;
    }
    unused(schedule.interval(), "interval", pointer, sources, "logarithmic");
    unused(schedule.offset(), "offset", pointer, sources, "logarithmic");
    if (schedule.start() == null || schedule.end() == null) {
      throw ConfigException.at(
          sources,
          pointer,
          "a logarithmic schedule needs start and end (exponents of the first and last step)",
          "write e.g. {type: logarithmic, start: 0, end: 3, steps: 50}");
    }
    if (schedule.start() > schedule.end()) {
      throw ConfigException.at(
          sources,
          pointer + "/end",
          "end (" + schedule.end() + ") must not be below start (" + schedule.start() + ")",
          "swap them");
    }
    if (schedule.steps() != null && schedule.steps() < 1) {
      throw ConfigException.at(
          sources, pointer + "/steps", "steps must be at least 1, got " + schedule.steps(), "");
    }
    if (schedule.base() != null && !(schedule.base() > 1)) {
      throw ConfigException.at(
          sources, pointer + "/base", "base must be above 1, got " + schedule.base(), "base: 10");
    }
  }

  private static void unused(
      Object value, String key, String pointer, SourceMap sources, String type) {
    if (value != null) {
      throw ConfigException.atKey(
          sources,
          pointer + "/" + key,
          key + " is not an option of a " + type + " schedule",
          "remove it, or set type: " + (type.equals("linear") ? "logarithmic" : "linear"));
    }
  }
}
