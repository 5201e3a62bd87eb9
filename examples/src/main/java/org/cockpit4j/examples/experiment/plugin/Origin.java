package org.cockpit4j.examples.experiment.plugin;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where a provider came from: the jar (or class directory) holding its class, and the class.
 *
 * @param location the jar file or class directory, as a path; {@code <unknown>} if the JVM does not
 *     say
 * @param className the provider's class name
 */
public record Origin(String location, String className) {

  /** The origin of {@code provider}'s class. */
  public static Origin of(Object provider) {
    Class<?> type = provider.getClass();
    return new Origin(locationOf(type), type.getName());
  }

  private static String locationOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "<unknown>";
    }
    try {
      return Path.of(source.getLocation().toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }

  /** The plugin name: the jar's file name without version and {@code .jar}. */
  public String pluginName() {
    Path path = Path.of(location);
    if (path.getFileName() == null) {
      return location;
    }
    Path parent = path.getParent();
    if (path.getFileName().toString().equals("classes")
        && parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("target")
        && parent.getParent() != null) {
      return moduleName(parent.getParent()); // a module's build directory (development)
    }
    return PluginJar.nameOf(path.getFileName().toString());
  }

  /**
   * The artifactId of the module's pom.xml (as its jar would be named), else the directory name.
   */
  private static String moduleName(Path module) {
    Path pom = module.resolve("pom.xml");
    try {
      String text = java.nio.file.Files.readString(pom);
      int parentEnd = text.indexOf("</parent>");
      java.util.regex.Matcher matcher =
          java.util.regex.Pattern.compile("<artifactId>([^<]+)</artifactId>")
              .matcher(text.substring(Math.max(0, parentEnd)));
      if (matcher.find()) {
        return matcher.group(1).trim();
      }
    } catch (java.io.IOException | RuntimeException e) {
      // fall back to the directory name
    }
    return module.getFileName().toString();
  }

  @Override
  public String toString() {
    return location + " (" + className + ")";
  }
}
