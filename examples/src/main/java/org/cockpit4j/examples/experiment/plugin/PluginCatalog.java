package org.cockpit4j.examples.experiment.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.cockpit4j.backend.BackendProvider;
import org.cockpit4j.examples.experiment.data.DatasetProvider;
import org.cockpit4j.examples.experiment.output.RunOutputProvider;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.model.BuiltInLayers;
import org.cockpit4j.model.LayerFactory;
import org.cockpit4j.model.LayerPlugin;
import org.cockpit4j.model.LayerRegistry;
import org.cockpit4j.quantity.QuantityProvider;

/**
 * Everything a run can name, found with {@link ServiceLoader}: backends, quantities, layer types,
 * datasets, instruments and run outputs (figure, diagnosis, dashboard), from the class path and
 * from the jars of a plugins directory (one {@link URLClassLoader} per jar, parent the application
 * class loader). Built once per command; cheap (providers are small objects, nothing heavy is
 * started).
 *
 * <p>Rules (after Druid's extension loader and Trino's plugin manager):
 *
 * <ul>
 *   <li>a provider class seen twice (the same jar on the class path and in the directory) counts
 *       once;
 *   <li>two different providers claiming one name fail, naming both jars;
 *   <li>{@link #require} fails for a plugin name that was not found, listing the plugins found.
 * </ul>
 */
public final class PluginCatalog {
  private final Path directory;
  private final List<PluginJar> jars;
  private final Map<String, Provided<BackendProvider>> backends;
  private final Map<String, Provided<QuantityProvider>> quantities;
  private final Map<String, Provided<DatasetProvider>> datasets;
  private final Map<String, Provided<RunOutputProvider>> outputs;
  private final Map<String, Provided<Instrument>> instruments;
  private final Map<String, Origin> layerTypes;
  private final LayerRegistry layers;

  private PluginCatalog(Builder builder) {
    this.directory = builder.directory;
    this.jars = List.copyOf(builder.jars);
    this.backends = Collections.unmodifiableMap(builder.backends);
    this.quantities = Collections.unmodifiableMap(builder.quantities);
    this.datasets = Collections.unmodifiableMap(builder.datasets);
    this.outputs = Collections.unmodifiableMap(builder.outputs);
    this.instruments = Collections.unmodifiableMap(builder.instruments);
    this.layerTypes = Collections.unmodifiableMap(builder.layerTypes);
    this.layers = builder.layers;
  }

  /** The class path only. */
  public static PluginCatalog classPath() {
    return discover(null);
  }

  /**
   * The class path plus every {@code *.jar} in {@code pluginDirectory} (in file-name order); a null
   * or missing directory adds nothing.
   */
  public static PluginCatalog discover(Path pluginDirectory) {
    Builder builder = new Builder(pluginDirectory);
    ClassLoader application = PluginCatalog.class.getClassLoader();
    builder.scan(application, null);
    if (pluginDirectory != null && Files.isDirectory(pluginDirectory)) {
      for (Path jar : jarsIn(pluginDirectory)) {
        URLClassLoader loader = loaderFor(jar, application);
        List<String> provides = builder.scan(loader, jar);
        builder.jars.add(
            new PluginJar(
                PluginJar.nameOf(jar.getFileName().toString()), jar, sha256(jar), provides));
      }
    } else if (pluginDirectory != null && Files.exists(pluginDirectory)) {
      throw new PluginException(
          "The plugins directory " + pluginDirectory.toAbsolutePath() + " is not a directory");
    }
    builder.buildLayers();
    return new PluginCatalog(builder);
  }

  private static List<Path> jarsIn(Path directory) {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
      stream.forEach(jars::add);
    } catch (IOException e) {
      throw new PluginException(
          "Cannot list the plugins directory " + directory.toAbsolutePath() + ": " + e, e);
    }
    Collections.sort(jars);
    return jars;
  }

  private static URLClassLoader loaderFor(Path jar, ClassLoader parent) {
    try {
      return new URLClassLoader(
          "plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
    } catch (MalformedURLException e) {
      throw new PluginException("Cannot load the plugin jar " + jar + ": " + e, e);
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the plugin jar " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- queries -------------------------------------------------------------------------------

  /** The plugins directory searched, or null. */
  public Path directory() {
    return directory;
  }

  /** The jars loaded from the plugins directory. */
  public List<PluginJar> jars() {
    return jars;
  }

  /** Backend providers by name. */
  public Map<String, Provided<BackendProvider>> backends() {
    return backends;
  }

  /** Quantity providers by quantity name. */
  public Map<String, Provided<QuantityProvider>> quantities() {
    return quantities;
  }

  /** Dataset providers by type name. */
  public Map<String, Provided<DatasetProvider>> datasets() {
    return datasets;
  }

  /** Run output providers (figure, diagnosis, dashboard, ...) by name. */
  public Map<String, Provided<RunOutputProvider>> outputs() {
    return outputs;
  }

  /** The instruments (gauges of the figure and dashboard) by name. */
  public Map<String, Provided<Instrument>> instruments() {
    return instruments;
  }

  /** The layer types with the origin of each. */
  public Map<String, Origin> layerTypes() {
    return layerTypes;
  }

  /** The layer registry: built-in layers plus every layer plugin, with their extension rules. */
  public LayerRegistry layers() {
    return layers;
  }

  /**
   * The plugin names found: the jars of the plugins directory, and the class-path jars that provide
   * anything beyond the core modules.
   */
  public Set<String> pluginNames() {
    Set<String> names = new LinkedHashSet<>();
    for (PluginJar jar : jars) {
      names.add(jar.name());
    }
    List<Map<String, ? extends Provided<?>>> all =
        List.of(backends, quantities, datasets, outputs, instruments);
    for (Map<String, ? extends Provided<?>> map : all) {
      for (Provided<?> provided : map.values()) {
        names.add(provided.origin().pluginName());
      }
    }
    layerTypes.values().forEach(origin -> names.add(origin.pluginName()));
    return names;
  }

  /**
   * Fails unless every name in {@code required} is a plugin found ({@link #pluginNames}); the
   * message lists what was found.
   */
  public void require(List<String> required) {
    Set<String> found = pluginNames();
    for (String name : required) {
      if (!found.contains(name)) {
        throw new PluginException(
            "The experiment requires the plugin '"
                + name
                + "', which was not found. Found: "
                + String.join(", ", found)
                + ". Plugins directory: "
                + (directory == null
                    ? "none given"
                    : directory.toAbsolutePath()
                        + (Files.isDirectory(directory) ? "" : " (does not exist)"))
                + ". Fix: build the plugin (mvn package) and copy its jar into the plugins"
                + " directory, or pass --plugins DIR.");
      }
    }
  }

  // ---- discovery -----------------------------------------------------------------------------

  private static final class Builder {
    final Path directory;
    final List<PluginJar> jars = new ArrayList<>();
    final Map<String, Provided<BackendProvider>> backends = new TreeMap<>();
    final Map<String, Provided<QuantityProvider>> quantities = new LinkedHashMap<>();
    final Map<String, Provided<DatasetProvider>> datasets = new TreeMap<>();
    final Map<String, Provided<RunOutputProvider>> outputs = new TreeMap<>();
    final Map<String, Provided<Instrument>> instruments = new LinkedHashMap<>();
    final Map<String, Origin> layerTypes = new LinkedHashMap<>();
    final List<LayerPlugin> layerPlugins = new ArrayList<>();
    final Set<String> seenClasses = new LinkedHashSet<>();
    LayerRegistry layers;

    Builder(Path directory) {
      this.directory = directory;
      for (LayerFactory factory : new BuiltInLayers().layerFactories()) {
        layerTypes.put(factory.type(), Origin.of(new BuiltInLayers()));
      }
    }

    /** Registers the providers {@code loader} itself defines (all of them for the class path). */
    List<String> scan(ClassLoader loader, Path jar) {
      List<String> provides = new ArrayList<>();
      for (BackendProvider provider : load(BackendProvider.class, loader, jar)) {
        claim(backends, provider.name(), provider, "backend");
        provides.add("backend " + provider.name());
      }
      for (QuantityProvider provider : load(QuantityProvider.class, loader, jar)) {
        for (String name : provider.names()) {
          claim(quantities, name, provider, "quantity");
          provides.add("quantity " + name);
        }
      }
      for (DatasetProvider provider : load(DatasetProvider.class, loader, jar)) {
        claim(datasets, provider.name(), provider, "dataset");
        provides.add("dataset " + provider.name());
      }
      for (RunOutputProvider provider : load(RunOutputProvider.class, loader, jar)) {
        claim(outputs, provider.name(), provider, "run output");
        provides.add("output " + provider.name());
      }
      for (Instrument instrument : load(Instrument.class, loader, jar)) {
        claim(instruments, instrument.name(), instrument, "instrument");
        provides.add("instrument " + instrument.name());
      }
      List<LayerPlugin> found = load(LayerPlugin.class, loader, jar);
      found.removeIf(plugin -> plugin instanceof BuiltInLayers);
      found.sort(java.util.Comparator.comparing(plugin -> plugin.getClass().getName()));
      for (LayerPlugin plugin : found) {
        Origin origin = Origin.of(plugin);
        for (LayerFactory factory : plugin.layerFactories()) {
          Origin existing = layerTypes.get(factory.type());
          if (existing != null && !factory.replacesExisting()) {
            throw conflict("layer type", factory.type(), existing, origin);
          }
          layerTypes.put(factory.type(), origin);
          provides.add("layer " + factory.type());
        }
        layerPlugins.add(plugin);
      }
      return provides;
    }

    private <T> List<T> load(Class<T> service, ClassLoader loader, Path jar) {
      List<T> providers = new ArrayList<>();
      try {
        for (T provider : ServiceLoader.load(service, loader)) {
          boolean fromThisJar = jar == null || provider.getClass().getClassLoader() == loader;
          if (fromThisJar
              && seenClasses.add(service.getName() + "/" + provider.getClass().getName())) {
            providers.add(provider);
          }
        }
      } catch (java.util.ServiceConfigurationError e) {
        throw new PluginException(
            "A "
                + service.getSimpleName()
                + " could not be loaded"
                + (jar == null ? " from the class path" : " from " + jar)
                + ": "
                + e.getMessage()
                + ". Fix: rebuild the plugin against this Cockpit4J version, or remove it.",
            e);
      }
      return providers;
    }

    private <T> void claim(Map<String, Provided<T>> map, String name, T provider, String what) {
      Origin origin = Origin.of(provider);
      Provided<T> existing = map.get(name);
      if (existing != null) {
        throw conflict(what, name, existing.origin(), origin);
      }
      map.put(name, new Provided<>(name, provider, origin));
    }

    private static PluginException conflict(String what, String name, Origin first, Origin second) {
      return new PluginException(
          "Two plugins claim the "
              + what
              + " name '"
              + name
              + "': "
              + first
              + " and "
              + second
              + ". Fix: remove one of the two jars.");
    }

    void buildLayers() {
      LayerRegistry registry = LayerRegistry.builtIn();
      Map<String, Origin> byClass = new TreeMap<>();
      for (LayerPlugin plugin : layerPlugins) {
        byClass.put(plugin.getClass().getName(), Origin.of(plugin));
      }
      for (LayerPlugin plugin : layerPlugins) {
        try {
          registry.register(plugin);
        } catch (IllegalStateException e) {
          throw new PluginException(
              e.getMessage() + " Jars: " + describe(byClass, e.getMessage()), e);
        }
      }
      layers = registry;
    }

    private static String describe(Map<String, Origin> byClass, String message) {
      List<String> named = new ArrayList<>();
      byClass.forEach(
          (className, origin) -> {
            if (message.contains(className)) {
              named.add(origin.toString());
            }
          });
      return named.isEmpty() ? "(built in)" : String.join(" and ", named);
    }
  }
}
