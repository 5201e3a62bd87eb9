package org.cockpit4j.examples.experiment.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cockpit4j.examples.experiment.config.CockpitConfig;
import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.QuantityConfig;
import org.cockpit4j.examples.experiment.config.SourceMap;
import org.cockpit4j.examples.experiment.config.Suggestions;
import org.cockpit4j.examples.experiment.plugin.Provided;
import org.cockpit4j.quantity.Configuration;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityProvider;
import org.cockpit4j.quantity.Schedule;

/**
 * Creates the quantities of {@code cockpit} through the quantity providers found (the {@link
 * QuantityProvider} SPI): the preset's, on the cockpit's schedule, minus {@code exclude}, then each
 * listed quantity on its own schedule (a listed quantity with a preset quantity's name replaces
 * it). Unknown names and options fail with the closest known one.
 */
public final class QuantityFactory {
  private static final String POINTER = "/cockpit";
  private static final Pattern UNKNOWN_OPTION =
      Pattern.compile("Unknown option '([^']*)' of \\S+; accepted options: \\[([^\\]]*)\\]");

  private QuantityFactory() {}

  /** New quantity instances (each run needs its own: quantities keep state). */
  public static List<Quantity> create(
      CockpitConfig config, Map<String, Provided<QuantityProvider>> providers, SourceMap sources) {
    return create(config, providers, sources, warning -> {});
  }

  /**
   * New quantity instances; a listed quantity whose provider fails with anything but an {@link
   * IllegalArgumentException} (a plugin's bug, a missing class) is left out with a warning to
   * {@code warnings} naming the key, the provider and the error, and the run goes on.
   */
  public static List<Quantity> create(
      CockpitConfig config,
      Map<String, Provided<QuantityProvider>> providers,
      SourceMap sources,
      java.util.function.Consumer<String> warnings) {
    if (!CockpitConfig.PRESETS.contains(config.preset())) {
      throw ConfigException.at(
          sources,
          POINTER + "/preset",
          Suggestions.unknown("preset", config.preset(), CockpitConfig.PRESETS),
          "");
    }
    TrackSchedules.check(config.schedule(), POINTER + "/schedule", sources);
    Schedule schedule = config.schedule().toSchedule();
    List<String> presetNames =
        config.preset().equals("none")
            ? List.of()
            : Configuration.of(config.preset()).quantityNames();
    for (int i = 0; i < config.exclude().size(); i++) {
      String name = config.exclude().get(i);
      if (!presetNames.contains(name)) {
        throw ConfigException.at(
            sources,
            POINTER + "/exclude/" + i,
            Suggestions.unknown(
                "quantity of the " + config.preset() + " preset", name, presetNames),
            "");
      }
    }
    List<String> names = new ArrayList<>();
    List<Quantity> quantities = new ArrayList<>();
    for (String name : presetNames) {
      if (config.exclude().contains(name)) {
        continue;
      }
      Provided<QuantityProvider> provided = providers.get(name);
      if (provided == null) {
        throw ConfigException.at(
            sources,
            POINTER + "/preset",
            "the "
                + config.preset()
                + " preset needs the quantity "
                + name
                + ", which no quantity provider offers (found: "
                + String.join(", ", providers.keySet())
                + ")",
            "put cockpit4j-quantities on the class path");
      }
      names.add(name);
      quantities.add(provided.provider().create(name, schedule, Map.of()));
    }
    for (int i = 0; i < config.quantities().size(); i++) {
      QuantityConfig listed = config.quantities().get(i);
      String pointer = POINTER + "/quantities/" + i;
      Quantity quantity = createListed(listed, pointer, schedule, providers, sources, warnings);
      if (quantity == null) {
        continue;
      }
      int existing = names.indexOf(listed.type());
      if (existing >= 0 && existing < presetNames.size()) {
        quantities.get(existing).close();
        quantities.set(existing, quantity);
      } else if (existing >= 0) {
        throw ConfigException.at(
            sources,
            pointer + "/type",
            listed.type() + " is listed twice; both would write the same log key",
            "keep one entry");
      } else {
        names.add(listed.type());
        quantities.add(quantity);
      }
    }
    return quantities;
  }

  private static Quantity createListed(
      QuantityConfig listed,
      String pointer,
      Schedule cockpitSchedule,
      Map<String, Provided<QuantityProvider>> providers,
      SourceMap sources,
      java.util.function.Consumer<String> warnings) {
    if (listed.type() == null) {
      throw ConfigException.at(
          sources,
          pointer,
          "a quantity needs a type",
          "write e.g. {type: HessMaxEV}; known: " + String.join(", ", providers.keySet()));
    }
    Provided<QuantityProvider> provided = providers.get(listed.type());
    if (provided == null) {
      throw ConfigException.at(
          sources,
          pointer + "/type",
          Suggestions.unknown("quantity", listed.type(), providers.keySet()),
          "a plugin's quantity needs its jar in the plugins directory (see `cockpit list`)");
    }
    Schedule schedule = cockpitSchedule;
    if (listed.schedule() != null) {
      TrackSchedules.check(listed.schedule(), pointer + "/schedule", sources);
      schedule = listed.schedule().toSchedule();
    }
    try {
      return provided.provider().create(listed.type(), schedule, listed.options());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      Matcher matcher = UNKNOWN_OPTION.matcher(message);
      if (matcher.find()) {
        List<String> accepted = new ArrayList<>();
        for (String option : matcher.group(2).split(",\\s*")) {
          if (!option.isBlank()) {
            accepted.add(option);
          }
        }
        throw ConfigException.atKey(
            sources,
            pointer + "/options/" + matcher.group(1),
            Suggestions.unknown("option of " + listed.type(), matcher.group(1), accepted),
            "");
      }
      throw ConfigException.at(sources, pointer + "/options", message, "");
    } catch (RuntimeException | LinkageError e) {
      warnings.accept(
          "[cockpit] "
              + sources.key(pointer)
              + ": "
              + pointer.substring(1).replace('/', '.')
              + ": the quantity "
              + listed.type()
              + " ("
              + provided.origin()
              + ") failed to start and is disabled: "
              + e
              + ". Fix: update or remove its plugin, or drop it from cockpit.quantities");
      return null;
    }
  }
}
