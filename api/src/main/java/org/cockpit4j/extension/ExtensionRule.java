package org.cockpit4j.extension;

import org.cockpit4j.nn.Layer;

/**
 * How one extension (or rule family) treats one layer class: the registry key of a {@link RuleSet}.
 * Rules are small classes, one per (extension, layer type); the algebra they share lives in {@code
 * org.cockpit4j.derivatives}.
 *
 * @param <L> the layer class
 */
public interface ExtensionRule<L extends Layer> {

  /** The extension name ({@code batch_grad}, ...) or rule family ({@code r_op}) served. */
  String extensionName();

  /** The layer class handled; subclasses without a rule of their own use it too. */
  Class<L> layerClass();

  /**
   * True when this rule is meant to replace one registered earlier for the same key (an explicit
   * overwrite); otherwise a second rule for one key is an error naming both origins.
   */
  default boolean replacesExisting() {
    return false;
  }
}
