package org.cockpit4j.extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cockpit4j.derivatives.LossDerivatives;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Loss;

/**
 * The registry of extension rules, keyed by (extension name, layer class), and of loss derivatives,
 * keyed by loss class. Lookup walks up the class hierarchy, so a rule for {@code Activation} serves
 * every activation without a rule of its own.
 *
 * <p>Every entry records its origin (the class of the plugin that registered it). Registering a
 * second entry for a key fails naming both origins unless the newcomer asks to overwrite
 * explicitly; two explicit overwrites of one key fail too. Not thread-safe while being filled;
 * read-only use afterwards is safe.
 */
public final class RuleSet {
  private record Key(String extensionName, Class<?> layerClass) {}

  private record Entry<T>(T value, String origin, boolean overwrite) {}

  private final Map<Key, Entry<ExtensionRule<?>>> rules = new LinkedHashMap<>();
  private final Map<Class<?>, Entry<LossDerivatives<?>>> losses = new LinkedHashMap<>();

  /** An empty rule set. */
  public RuleSet() {}

  /** A new rule set holding the built-in rules and loss derivatives ({@link BuiltInRules}). */
  public static RuleSet builtIn() {
    RuleSet set = new RuleSet();
    BuiltInRules.registerAll(set);
    return set;
  }

  /** A copy that can be extended without touching this one. */
  public RuleSet copy() {
    RuleSet copy = new RuleSet();
    copy.rules.putAll(rules);
    copy.losses.putAll(losses);
    return copy;
  }

  /** Registers {@code rule}, overwriting only when {@link ExtensionRule#replacesExisting()}. */
  public RuleSet register(ExtensionRule<?> rule, String origin) {
    return register(rule, origin, rule.replacesExisting());
  }

  /**
   * Registers {@code rule} from {@code origin}; with {@code overwrite} it replaces an earlier rule
   * for the same key, otherwise such a rule is an error naming both origins.
   */
  public RuleSet register(ExtensionRule<?> rule, String origin, boolean overwrite) {
    Key key = new Key(rule.extensionName(), rule.layerClass());
    put(
        rules,
        key,
        new Entry<>(rule, origin, overwrite),
        "rule for extension '"
            + rule.extensionName()
            + "' on layer class "
            + rule.layerClass().getName());
    return this;
  }

  /** Registers loss derivatives; {@code overwrite} as for rules. */
  public RuleSet registerLoss(LossDerivatives<?> derivatives, String origin, boolean overwrite) {
    put(
        losses,
        derivatives.lossClass(),
        new Entry<>(derivatives, origin, overwrite),
        "loss derivatives for " + derivatives.lossClass().getName());
    return this;
  }

  private static <K, T> void put(Map<K, Entry<T>> map, K key, Entry<T> entry, String what) {
    Entry<T> existing = map.get(key);
    if (existing != null) {
      if (!entry.overwrite()) {
        throw new IllegalStateException(
            "Two providers claim the "
                + what
                + ": "
                + existing.origin()
                + " and "
                + entry.origin()
                + ". Remove one of them, or let one declare replacesExisting() to overwrite on"
                + " purpose.");
      }
      if (existing.overwrite()) {
        throw new IllegalStateException(
            "Two providers both overwrite the "
                + what
                + ": "
                + existing.origin()
                + " and "
                + entry.origin()
                + ". Keep only one overwrite.");
      }
    }
    map.put(key, entry);
  }

  /**
   * The rule for {@code extensionName} on {@code layerClass} or its nearest superclass with one;
   * empty when there is none.
   */
  public Optional<ExtensionRule<?>> find(String extensionName, Class<?> layerClass) {
    for (Class<?> c = layerClass;
        c != null && Layer.class.isAssignableFrom(c);
        c = c.getSuperclass()) {
      Entry<ExtensionRule<?>> entry = rules.get(new Key(extensionName, c));
      if (entry != null) {
        return Optional.of(entry.value());
      }
    }
    return Optional.empty();
  }

  /** The loss derivatives for {@code lossClass} or its nearest superclass; empty when none. */
  public Optional<LossDerivatives<?>> lossDerivatives(Class<? extends Loss> lossClass) {
    for (Class<?> c = lossClass; c != null; c = c.getSuperclass()) {
      Entry<LossDerivatives<?>> entry = losses.get(c);
      if (entry != null) {
        return Optional.of(entry.value());
      }
    }
    return Optional.empty();
  }

  /** Where the rule for this key came from, or empty when there is none for exactly this class. */
  public Optional<String> origin(String extensionName, Class<?> layerClass) {
    Entry<ExtensionRule<?>> entry = rules.get(new Key(extensionName, layerClass));
    return entry == null ? Optional.empty() : Optional.of(entry.origin());
  }

  /** One line per rule, {@code extension layer class rule class origin}, for listings. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<Key, Entry<ExtensionRule<?>>> entry : rules.entrySet()) {
      lines.add(
          entry.getKey().extensionName()
              + "  "
              + entry.getKey().layerClass().getSimpleName()
              + "  "
              + entry.getValue().value().getClass().getSimpleName()
              + "  "
              + entry.getValue().origin());
    }
    for (Map.Entry<Class<?>, Entry<LossDerivatives<?>>> entry : losses.entrySet()) {
      lines.add(
          "loss  "
              + entry.getKey().getSimpleName()
              + "  "
              + entry.getValue().value().getClass().getSimpleName()
              + "  "
              + entry.getValue().origin());
    }
    return lines;
  }
}
