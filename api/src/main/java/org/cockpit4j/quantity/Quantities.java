package org.cockpit4j.quantity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Looks quantities up by name among the {@link QuantityProvider}s on the class path.
 *
 * <pre>{@code
 * Quantity alpha = Quantities.create("Alpha", Schedules.linear(1));
 * Quantity trace = Quantities.create("HessTrace", Schedules.linear(5), Map.of("curvature", "diag_ggn_exact"));
 * List<Quantity> economy = Quantities.configuration("economy", Schedules.linear(1));
 * }</pre>
 */
public final class Quantities {
  private Quantities() {}

  /** Every provider on the class path, in {@link ServiceLoader} order. */
  public static List<QuantityProvider> providers() {
    List<QuantityProvider> providers = new ArrayList<>();
    ServiceLoader.load(QuantityProvider.class, Quantities.class.getClassLoader())
        .forEach(providers::add);
    return providers;
  }

  /** Every quantity name known, in provider order. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (QuantityProvider provider : providers()) {
      for (String name : provider.names()) {
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Quantity {@code name} with default hyper-parameters. */
  public static Quantity create(String name, Schedule schedule) {
    return create(name, schedule, Map.of());
  }

  /**
   * Quantity {@code name} with the given hyper-parameters; the first provider that knows the name
   * creates it.
   *
   * @throws IllegalArgumentException naming the known quantities when none knows {@code name}
   */
  public static Quantity create(String name, Schedule schedule, Map<String, Object> options) {
    List<QuantityProvider> providers = providers();
    for (QuantityProvider provider : providers) {
      if (provider.names().contains(name)) {
        return provider.create(name, schedule, options);
      }
    }
    if (providers.isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown quantity '"
              + name
              + "': no QuantityProvider is on the class path; add the cockpit4j-quantities module");
    }
    throw new IllegalArgumentException(
        "Unknown quantity '" + name + "'. Known quantities: " + String.join(", ", names()));
  }

  /**
   * Every quantity of a configuration ({@code economy}, {@code business}, {@code full}), each with
   * default hyper-parameters and the same schedule, in the original's order.
   */
  public static List<Quantity> configuration(String label, Schedule schedule) {
    List<Quantity> quantities = new ArrayList<>();
    for (String name : Configuration.of(label).quantityNames()) {
      quantities.add(create(name, schedule));
    }
    return quantities;
  }

  /** Options as a map literal helper that keeps insertion order: {@code options("k", v, ...)}. */
  public static Map<String, Object> options(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Options come in key/value pairs");
    }
    Map<String, Object> options = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return options;
  }
}
