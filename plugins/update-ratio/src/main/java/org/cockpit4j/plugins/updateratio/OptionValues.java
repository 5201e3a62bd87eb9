package org.cockpit4j.plugins.updateratio;

import java.util.Map;

/** Strict options: UpdateRatio has none, so any given option fails with the accepted ones. */
final class OptionValues {
  private final String quantity;
  private final Map<String, Object> values;

  OptionValues(String quantity, Map<String, Object> values) {
    this.quantity = quantity;
    this.values = values == null ? Map.of() : values;
  }

  /** Fails when any option other than {@code verbose} was given. */
  void requireAllRead() {
    for (String key : values.keySet()) {
      if (!key.equals("verbose")) {
        throw new IllegalArgumentException(
            "Unknown option '" + key + "' of " + quantity + "; accepted options: []");
      }
    }
  }
}
