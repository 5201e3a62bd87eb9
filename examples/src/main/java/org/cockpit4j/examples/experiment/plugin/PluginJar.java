package org.cockpit4j.examples.experiment.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * A jar loaded from the plugins directory.
 *
 * @param name the plugin name: the file name without version and {@code .jar} (e.g. {@code
 *     cockpit4j-plugin-update-ratio})
 * @param path the jar
 * @param sha256 the jar's SHA-256, for provenance
 * @param provides what it registered, e.g. {@code quantity UpdateRatio}
 */
public record PluginJar(String name, Path path, String sha256, List<String> provides) {

  /** Copies. */
  public PluginJar {
    provides = List.copyOf(provides);
  }

  /**
   * The plugin name of a jar file name: without {@code .jar} and without a trailing version ({@code
   * -} followed by a digit and anything after it).
   */
  public static String nameOf(String fileName) {
    String base =
        fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
    return base.replaceFirst("-\\d.*$", "");
  }
}
