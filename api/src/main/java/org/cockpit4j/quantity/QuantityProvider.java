package org.cockpit4j.quantity;

import java.util.Map;
import java.util.Set;

/**
 * Creates quantities by name; found with {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/org.cockpit4j.quantity.QuantityProvider}). The {@code quantities} module
 * provides the original's nineteen quantities; plugins add their own. Look them up through {@link
 * Quantities}.
 */
public interface QuantityProvider {

  /** The names this provider creates, e.g. {@code Alpha}, {@code GradHist1d}. */
  Set<String> names();

  /**
   * A new quantity {@code name} tracked on {@code schedule}, with hyper-parameters by the
   * original's argument names (e.g. {@code curvature -> "diag_ggn_exact"}, {@code use_power ->
   * false}); missing options take the original's defaults.
   *
   * @throws IllegalArgumentException for an unknown name or option, naming the accepted ones
   */
  Quantity create(String name, Schedule schedule, Map<String, Object> options);
}
