package org.cockpit4j.examples.experiment.config;

import java.util.List;

/**
 * Plugin jars: {@code plugins: {directory: plugins, require: [cockpit4j-plugin-update-ratio]}}.
 *
 * @param directory a directory whose {@code *.jar} files are loaded (each with its own class
 *     loader); default {@code plugins} (skipped when it does not exist); relative to the working
 *     directory
 * @param require plugin names that must be found (the jar's name without version and {@code .jar},
 *     e.g. {@code cockpit4j-plugin-update-ratio}); default none
 */
public record PluginsConfig(String directory, List<String> require) {

  /** The directory used when none is given. */
  public static final String DEFAULT_DIRECTORY = "plugins";

  /** Fills the defaults and copies. */
  public PluginsConfig {
    require = require == null ? List.of() : List.copyOf(require);
  }

  /** The defaults. */
  public static PluginsConfig defaults() {
    return new PluginsConfig(null, null);
  }
}
