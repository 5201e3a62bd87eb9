package org.cockpit4j.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cockpit4j.backend.BackendProvider;
import org.cockpit4j.examples.experiment.config.PluginsConfig;
import org.cockpit4j.examples.experiment.data.DatasetProvider;
import org.cockpit4j.examples.experiment.output.RunOutputProvider;
import org.cockpit4j.examples.experiment.plugin.Origin;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.plugin.PluginJar;
import org.cockpit4j.examples.experiment.plugin.Provided;
import org.cockpit4j.nn.models.Models;
import org.cockpit4j.quantity.Configuration;
import org.cockpit4j.quantity.QuantityProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cockpit list}: what experiment files can name — backends (with availability), quantities,
 * presets, instruments and other run outputs, layer types, architectures, datasets, and the plugins
 * found (class path and plugins directory), each with where it came from.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "Lists backends (with availability), quantities, presets, instruments, layer types,"
            + " architectures, datasets and plugins.")
final class ListCommand implements Callable<Integer> {

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "directory of plugin jars to include (default ./plugins)")
  Path plugins;

  @Override
  public Integer call() {
    Path directory = plugins == null ? Path.of(PluginsConfig.DEFAULT_DIRECTORY) : plugins;
    PluginCatalog catalog = PluginCatalog.discover(directory);

    System.out.println(
        "Backends (backend.type; auto = the available one with the highest priority):");
    for (Provided<BackendProvider> provided : catalog.backends().values()) {
      BackendProvider provider = provided.provider();
      boolean available = provider.isAvailable();
      System.out.printf(
          "  %-10s %-13s priority %-3d %s%n",
          provided.name(),
          available ? "available" : "unavailable",
          provider.priority(),
          available ? origin(provided.origin()) : provider.unavailableReason());
    }

    System.out.println();
    System.out.println("Quantities (cockpit.quantities[].type):");
    for (Provided<QuantityProvider> provided : catalog.quantities().values()) {
      System.out.printf("  %-20s %s%n", provided.name(), origin(provided.origin()));
    }

    System.out.println();
    System.out.println("Presets (cockpit.preset):");
    System.out.println("  none       no quantities");
    for (Configuration configuration : Configuration.values()) {
      System.out.printf(
          "  %-10s %s%n", configuration.label(), String.join(", ", configuration.quantityNames()));
    }

    System.out.println();
    System.out.println(
        "Instruments and run outputs (output.figure, output.diagnosis, output.dashboard):");
    if (catalog.outputs().isEmpty()) {
      System.out.println(
          "  none on the class path (the instruments add figure, diagnosis and dashboard)");
    }
    for (Provided<RunOutputProvider> provided : catalog.outputs().values()) {
      System.out.printf(
          "  %-12s %s  %s%n",
          provided.name(), provided.provider().description(), origin(provided.origin()));
    }

    System.out.println();
    System.out.println("Layer types (model.layers[].type):");
    for (Map.Entry<String, Origin> entry : catalog.layerTypes().entrySet()) {
      System.out.printf("  %-12s %s%n", entry.getKey(), origin(entry.getValue()));
    }

    System.out.println();
    System.out.println("Architectures (model.architecture): " + String.join(", ", Models.names()));

    System.out.println();
    System.out.println("Datasets (data.dataset.type):");
    for (Provided<DatasetProvider> provided : catalog.datasets().values()) {
      System.out.printf("  %-16s %s%n", provided.name(), provided.provider().description());
    }

    System.out.println();
    System.out.println(
        "Plugins directory: "
            + directory.toAbsolutePath()
            + (java.nio.file.Files.isDirectory(directory) ? "" : " (does not exist)"));
    if (catalog.jars().isEmpty()) {
      System.out.println("  no plugin jars");
    }
    for (PluginJar jar : catalog.jars()) {
      System.out.printf(
          "  %-40s %s%n",
          jar.name(),
          jar.provides().isEmpty()
              ? "provides nothing new (already on the class path?)"
              : String.join(", ", jar.provides()));
    }
    List<String> names = new ArrayList<>(catalog.pluginNames());
    System.out.println("Plugin names (plugins.require): " + String.join(", ", names));
    return 0;
  }

  private static String origin(Origin origin) {
    return "[" + origin.pluginName() + "]";
  }
}
