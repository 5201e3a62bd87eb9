package org.cockpit4j.examples.experiment.wiring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BackendProvider;
import org.cockpit4j.examples.experiment.config.BackendConfig;
import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.SourceMap;
import org.cockpit4j.examples.experiment.config.Suggestions;
import org.cockpit4j.examples.experiment.plugin.Provided;

/**
 * Chooses the backend named by {@code backend.type} among the providers found: a name, or {@code
 * auto} for the available provider with the highest priority (the design's "build the config, then
 * switch").
 */
public final class BackendFactory {
  private BackendFactory() {}

  /** The provider {@code config} names; fails for unknown or unavailable names. */
  public static BackendProvider choose(
      BackendConfig config, Map<String, Provided<BackendProvider>> providers, SourceMap sources) {
    String name = config.type();
    List<String> known = new ArrayList<>(providers.keySet());
    known.add("auto");
    if (name.equals("auto")) {
      List<BackendProvider> candidates = new ArrayList<>();
      providers.values().forEach(provided -> candidates.add(provided.provider()));
      candidates.sort(
          Comparator.comparingInt(BackendProvider::priority)
              .reversed()
              .thenComparing(BackendProvider::name));
      for (BackendProvider provider : candidates) {
        if (provider.isAvailable()) {
          return provider;
        }
      }
      throw ConfigException.at(
          sources, "/backend/type", "no backend is available (found: " + known + ")", "");
    }
    Provided<BackendProvider> provided = providers.get(name);
    if (provided == null) {
      throw ConfigException.at(
          sources,
          "/backend/type",
          Suggestions.unknown("backend", name, known),
          name.equals("opencl")
              ? "the OpenCL backend comes with the backend-opencl module; put its jar on the"
                  + " class path or use backend: {type: cpu}"
              : "");
    }
    if (!provided.provider().isAvailable()) {
      throw ConfigException.at(
          sources,
          "/backend/type",
          "backend '"
              + name
              + "' is not available here: "
              + provided.provider().unavailableReason(),
          "use type: auto or type: cpu");
    }
    return provided.provider();
  }

  /** Creates the backend with the configured device options. */
  public static Backend create(
      BackendConfig config, Map<String, Provided<BackendProvider>> providers, SourceMap sources) {
    BackendProvider provider = choose(config, providers, sources);
    try {
      return provider.create(config.stringOptions());
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(sources, "/backend/options", e.getMessage(), "");
    }
  }
}
