package org.cockpit4j.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds backends through {@link ServiceLoader} and creates one by name. */
public final class Backends {
  private Backends() {}

  /** Every provider on the class path, highest priority first, ties by name. */
  public static List<BackendProvider> providers() {
    List<BackendProvider> providers = new ArrayList<>();
    ServiceLoader.load(BackendProvider.class).forEach(providers::add);
    providers.sort(
        Comparator.comparingInt(BackendProvider::priority)
            .reversed()
            .thenComparing(BackendProvider::name));
    return providers;
  }

  /** Creates the backend called {@code name} with default options. */
  public static Backend create(String name) {
    return create(name, Map.of());
  }

  /**
   * Creates the backend called {@code name}; {@code auto} picks the available provider with the
   * highest priority. An unknown or unavailable name fails listing known and available ones.
   */
  public static Backend create(String name, Map<String, String> options) {
    List<BackendProvider> providers = providers();
    if ("auto".equals(name)) {
      for (BackendProvider provider : providers) {
        if (provider.isAvailable()) {
          return provider.create(options);
        }
      }
      throw new IllegalArgumentException("No backend is available. " + describe(providers));
    }
    for (BackendProvider provider : providers) {
      if (provider.name().equals(name)) {
        if (!provider.isAvailable()) {
          throw new IllegalArgumentException(
              "Backend '"
                  + name
                  + "' is not available: "
                  + provider.unavailableReason()
                  + " "
                  + describe(providers));
        }
        return provider.create(options);
      }
    }
    throw new IllegalArgumentException("Unknown backend '" + name + "'. " + describe(providers));
  }

  private static String describe(List<BackendProvider> providers) {
    String known = providers.stream().map(BackendProvider::name).collect(Collectors.joining(", "));
    String available =
        providers.stream()
            .filter(BackendProvider::isAvailable)
            .map(BackendProvider::name)
            .collect(Collectors.joining(", "));
    return "Known backends: ["
        + known
        + "]; available: ["
        + available
        + "]. Choose one of the available names or 'auto'.";
  }
}
