package org.cockpit4j.examples.experiment.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A change to an experiment file's content before it is bound: set (or, with a null value, remove)
 * the value at a dotted path. Command-line options ({@code --steps}, {@code --backend}, {@code
 * --out}, {@code --set key=value}) and sweep points are overrides.
 *
 * @param path dotted path, e.g. {@code optimizer.lr} or {@code model.layers.0.out}
 * @param value the new value, or null to remove the key
 * @param origin where it came from, for error messages (e.g. {@code command line --steps})
 */
public record ConfigOverride(String path, JsonNode value, String origin) {

  /** Sets {@code path} to {@code value}. */
  public static ConfigOverride set(String path, JsonNode value, String origin) {
    return new ConfigOverride(path, value, origin);
  }

  /** Removes {@code path}. */
  public static ConfigOverride remove(String path, String origin) {
    return new ConfigOverride(path, null, origin);
  }
}
