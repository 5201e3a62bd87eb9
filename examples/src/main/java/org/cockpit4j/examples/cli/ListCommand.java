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
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.nn.models.Models;
import org.cockpit4j.quantity.Configuration;
import org.cockpit4j.quantity.QuantityProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    java.io.PrintWriter out = spec.commandLine().getOut();
    Path directory = plugins == null ? Path.of(PluginsConfig.DEFAULT_DIRECTORY) : plugins;
    PluginCatalog catalog = PluginCatalog.discover(directory);

    out.println("Backends (backend.type; auto = the available one with the highest priority):");
    for (Provided<BackendProvider> provided : catalog.backends().values()) {
      BackendProvider provider = provided.provider();
      boolean available = provider.isAvailable();
      out.printf(
          "  %-10s %-13s priority %-3d %s%n",
          provided.name(),
          available ? "available" : "unavailable",
          provider.priority(),
          available ? origin(provided.origin()) : provider.unavailableReason());
      String devices = provider.describeDevices();
      if (available && !devices.isBlank()) {
        devices.lines().forEach(line -> out.println("      " + line));
      }
    }

    out.println();
    out.println("Quantities (cockpit.quantities[].type):");
    for (Provided<QuantityProvider> provided : catalog.quantities().values()) {
      out.printf("  %-20s %s%n", provided.name(), origin(provided.origin()));
    }

    out.println();
    out.println("Presets (cockpit.preset):");
    out.println("  none       no quantities");
    for (Configuration configuration : Configuration.values()) {
      out.printf(
          "  %-10s %s%n", configuration.label(), String.join(", ", configuration.quantityNames()));
    }

    out.println();
    out.println("Instruments (gauges of the figure and the dashboard):");
    if (catalog.instruments().isEmpty()) {
      out.println("  none on the class path (put the cockpit4j-instruments jar there)");
    }
    for (Provided<Instrument> provided : catalog.instruments().values()) {
      out.printf(
          "  %-22s %-16s %s %s%n",
          provided.name(),
          provided.provider().group(),
          provided.provider().title(),
          origin(provided.origin()));
    }

    out.println();
    out.println("Run outputs (output.figure, output.diagnosis, output.dashboard):");
    if (catalog.outputs().isEmpty()) {
      out.println("  none on the class path");
    }
    for (Provided<RunOutputProvider> provided : catalog.outputs().values()) {
      out.printf(
          "  %-12s %s  %s%n",
          provided.name(), provided.provider().description(), origin(provided.origin()));
    }

    out.println();
    out.println("Layer types (model.layers[].type):");
    for (Map.Entry<String, Origin> entry : catalog.layerTypes().entrySet()) {
      out.printf("  %-12s %s%n", entry.getKey(), origin(entry.getValue()));
    }

    out.println();
    out.println("Architectures (model.architecture): " + String.join(", ", Models.names()));

    out.println();
    out.println("Datasets (data.dataset.type):");
    for (Provided<DatasetProvider> provided : catalog.datasets().values()) {
      out.printf("  %-16s %s%n", provided.name(), provided.provider().description());
    }

    out.println();
    out.println(
        "Plugins directory: "
            + directory.toAbsolutePath()
            + (java.nio.file.Files.isDirectory(directory) ? "" : " (does not exist)"));
    if (catalog.jars().isEmpty()) {
      out.println("  no plugin jars");
    }
    for (PluginJar jar : catalog.jars()) {
      out.printf(
          "  %-40s %s%n",
          jar.name(),
          jar.provides().isEmpty()
              ? "provides nothing new (already on the class path?)"
              : String.join(", ", jar.provides()));
    }
    List<String> names = new ArrayList<>(catalog.pluginNames());
    out.println("Plugin names (plugins.require): " + String.join(", ", names));
    out.flush();
    return 0;
  }

  private static String origin(Origin origin) {
    return "[" + origin.pluginName() + "]";
  }
}
