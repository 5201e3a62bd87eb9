package org.cockpit4j.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.cockpit4j.derivatives.LossDerivatives;
import org.cockpit4j.extension.ExtensionRule;
import org.cockpit4j.extension.RuleSet;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Sequential;

/**
 * The layer types and extension rules known to a run: the built-in ones ({@link BuiltInLayers})
 * plus those of every {@link LayerPlugin} found by {@link ServiceLoader}. Builds layers and
 * sequential models from {@link LayerSpec}s; its {@link #rules()} go to {@code
 * ExtendedBackward.builder(model).rules(...)} and {@code CurvatureProducts}.
 *
 * <p>Each entry records the plugin class that registered it. A second factory for a type name, or a
 * second rule for an (extension, layer class) key, fails naming both plugin classes, unless the
 * newcomer declares {@code replacesExisting()} (an explicit overwrite). Plugins load in the order
 * of their class names, so the outcome does not depend on the class path order.
 */
public final class LayerRegistry {
  private record Registered(LayerFactory factory, String origin) {}

  private final Map<String, Registered> factories = new LinkedHashMap<>();
  private final RuleSet rules = new RuleSet();

  private LayerRegistry() {}

  /** An empty registry (no layer types, no rules). */
  public static LayerRegistry empty() {
    return new LayerRegistry();
  }

  /** The built-in layer types and rules only. */
  public static LayerRegistry builtIn() {
    return empty().register(new BuiltInLayers());
  }

  /** Built-ins plus the plugins visible to the context class loader. */
  public static LayerRegistry standard() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /** Built-ins plus the plugins visible to {@code loader}. */
  public static LayerRegistry load(ClassLoader loader) {
    List<LayerPlugin> plugins = new ArrayList<>();
    for (LayerPlugin plugin : ServiceLoader.load(LayerPlugin.class, loader)) {
      if (!(plugin instanceof BuiltInLayers)) {
        plugins.add(plugin);
      }
    }
    plugins.sort(Comparator.comparing(plugin -> plugin.getClass().getName()));
    LayerRegistry registry = builtIn();
    for (LayerPlugin plugin : plugins) {
      registry.register(plugin);
    }
    return registry;
  }

  /** Adds a plugin's factories, rules and loss derivatives (origin: its class name). */
  public LayerRegistry register(LayerPlugin plugin) {
    String origin = plugin.getClass().getName();
    for (LayerFactory factory : plugin.layerFactories()) {
      register(factory, origin, factory.replacesExisting());
    }
    for (ExtensionRule<?> rule : plugin.rules()) {
      rules.register(rule, origin);
    }
    for (LossDerivatives<?> derivatives : plugin.lossDerivatives()) {
      rules.registerLoss(derivatives, origin, false);
    }
    return this;
  }

  /**
   * Adds one factory from {@code origin}; with {@code overwrite} it replaces an earlier factory of
   * the same type name, otherwise that is an error naming both origins.
   */
  public LayerRegistry register(LayerFactory factory, String origin, boolean overwrite) {
    Registered existing = factories.get(factory.type());
    if (existing != null && !overwrite) {
      throw new IllegalStateException(
          "Two providers claim the layer type '"
              + factory.type()
              + "': "
              + existing.origin()
              + " and "
              + origin
              + ". Remove one of them, or let one declare replacesExisting() to overwrite on"
              + " purpose.");
    }
    factories.put(factory.type(), new Registered(factory, origin));
    return this;
  }

  /** The known layer type names, in registration order. */
  public Set<String> types() {
    return java.util.Collections.unmodifiableSet(factories.keySet());
  }

  /** The plugin class that registered {@code type}. */
  public String origin(String type) {
    return factory(type).origin();
  }

  /** The extension rules and loss derivatives of all registered plugins. */
  public RuleSet rules() {
    return rules;
  }

  /** Builds one layer; fails naming the known types for an unknown type. */
  public Layer create(LayerSpec spec, Initializer init) {
    return factory(spec.type())
        .factory()
        .create(new LayerOptions(spec.type(), spec.options()), init);
  }

  /**
   * Builds a {@link Sequential} of {@code specs} in order (parameters drawn from {@code init} in
   * that order); a failing spec is named by its index and type.
   */
  public Sequential buildSequential(List<LayerSpec> specs, Initializer init) {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      LayerSpec spec = specs.get(i);
      try {
        layers.add(create(spec, init));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "layer " + i + " (" + spec.type() + "): " + e.getMessage(), e);
      }
    }
    return new Sequential(layers);
  }

  private Registered factory(String type) {
    Registered registered = factories.get(type);
    if (registered == null) {
      throw new IllegalArgumentException(
          "Unknown layer type '"
              + type
              + "'. Known types: "
              + String.join(", ", factories.keySet())
              + ". A plugin jar can add layer types through the LayerPlugin service.");
    }
    return registered;
  }
}
