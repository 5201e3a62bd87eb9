package org.cockpit4j.model;

import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Layer;

/**
 * Builds the layers of one type name from their options. Factories are contributed by {@link
 * LayerPlugin}s and looked up by {@link #type()} in a {@link LayerRegistry}.
 */
public interface LayerFactory {

  /** The type name, e.g. {@code conv2d}. */
  String type();

  /**
   * Builds a layer; parameters are initialised from {@code init} (PyTorch's defaults) and may be
   * overwritten later. Unknown or unsupported options fail with an {@link IllegalArgumentException}
   * naming the option, the value and what is accepted.
   */
  Layer create(LayerOptions options, Initializer init);

  /**
   * True when this factory is meant to replace one registered earlier for the same type name;
   * otherwise a second factory for a name is an error naming both plugin classes.
   */
  default boolean replacesExisting() {
    return false;
  }
}
