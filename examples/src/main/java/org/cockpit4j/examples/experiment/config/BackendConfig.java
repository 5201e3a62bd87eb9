package org.cockpit4j.examples.experiment.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * The compute backend: {@code backend: {type: cpu, options: {threads: 2}}}.
 *
 * @param type {@code cpu}, {@code opencl}, {@code auto} (the available one with the highest
 *     priority) or a backend a plugin provides; default {@code cpu}
 * @param options device options handed to the backend as strings (e.g. {@code threads}, {@code
 *     device}); default none
 */
public record BackendConfig(String type, Map<String, Object> options) {

  /** Fills the defaults and copies. */
  public BackendConfig {
    type = type == null ? "cpu" : type;
    options = options == null ? Map.of() : Map.copyOf(new TreeMap<>(options));
  }

  /** The defaults. */
  public static BackendConfig defaults() {
    return new BackendConfig(null, null);
  }

  /** The options as strings, as {@link org.cockpit4j.backend.BackendProvider#create} takes them. */
  public Map<String, String> stringOptions() {
    Map<String, String> strings = new TreeMap<>();
    options.forEach((key, value) -> strings.put(key, String.valueOf(value)));
    return strings;
  }
}
