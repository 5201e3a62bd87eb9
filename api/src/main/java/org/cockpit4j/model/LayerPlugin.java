package org.cockpit4j.model;

import java.util.List;
import org.cockpit4j.derivatives.LossDerivatives;
import org.cockpit4j.extension.ExtensionRule;

/**
 * The service interface ({@link java.util.ServiceLoader}, listed in {@code
 * META-INF/services/org.cockpit4j.model.LayerPlugin}) by which a jar adds layer types together with
 * their extension rules: a factory per type name, a {@link org.cockpit4j.extension.BackwardRule}
 * per (extension, layer class) it supports, a {@link
 * org.cockpit4j.extension.DirectionalDerivativeRule} for Hessian/GGN-vector products, and
 * optionally loss derivatives. The built-in layers register through the same interface ({@link
 * BuiltInLayers}).
 *
 * <p>A plugin must have a public no-argument constructor and be cheap to create.
 */
public interface LayerPlugin {

  /** The layer factories. */
  List<LayerFactory> layerFactories();

  /** The extension rules for this plugin's layers (or for other layers). */
  default List<ExtensionRule<?>> rules() {
    return List.of();
  }

  /** Second-order derivatives of losses this plugin adds. */
  default List<LossDerivatives<?>> lossDerivatives() {
    return List.of();
  }
}
