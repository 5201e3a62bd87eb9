package org.cockpit4j.examples.experiment.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.examples.experiment.ValidatedExperiment;
import org.cockpit4j.examples.experiment.config.ExperimentMapper;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.plugin.PluginJar;
import org.cockpit4j.examples.experiment.plugin.Provided;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityProvider;

/**
 * The record of where a run's outputs came from, written next to them: {@code provenance.json}
 * (resolved configuration, versions, seed, backend and device, machine, plugins with their SHA-256,
 * status) and {@code experiment.yaml} (the resolved configuration alone: {@code cockpit run
 * DIR/experiment.yaml} repeats the run). Written when the run starts (status {@code running}) and
 * again when it ends ({@code finished} or {@code failed}), so a killed run still says what it was.
 */
final class Provenance {
  static final String FILE = "provenance.json";
  static final String CONFIG_FILE =
      org.cockpit4j.examples.experiment.ExperimentRunner.RESOLVED_CONFIG;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();
  private final Path directory;
  private final long startNanos = System.nanoTime();

  Provenance(
      Path directory,
      ValidatedExperiment experiment,
      Backend backend,
      PluginCatalog catalog,
      List<Quantity> quantities,
      RunSettings settings) {
    this.directory = directory;
    root.put("experiment", experiment.config().name());
    root.put("label", experiment.point().label());
    root.put("config_file", experiment.sources().source());
    root.put("config_file_sha256", sha256(Path.of(experiment.sources().source())));
    root.put("status", "running");
    root.put("started", Instant.now().toString());
    ArrayNode command = root.putArray("command");
    settings.commandLine().forEach(command::add);
    root.put("seed", experiment.config().seed());
    root.put("dtype", experiment.dtype().toString());
    ObjectNode backendNode = root.putObject("backend");
    backendNode.put("name", backend.name());
    backendNode.put("device", backend.deviceDescription());
    backendNode.set("options", JSON.valueToTree(experiment.config().backend().stringOptions()));
    ObjectNode versions = root.putObject("versions");
    versions.put("cockpit4j", cockpitVersion());
    versions.put("java", System.getProperty("java.version"));
    versions.put("java_vendor", System.getProperty("java.vendor"));
    versions.put(
        "jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    versions.put("jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    ObjectNode machine = root.putObject("machine");
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("arch", System.getProperty("os.arch"));
    machine.put("processors", Runtime.getRuntime().availableProcessors());
    machine.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    String host = System.getenv("HOSTNAME");
    if (host != null) {
      machine.put("host", host);
    }
    ArrayNode plugins = root.putArray("plugins");
    for (PluginJar jar : catalog.jars()) {
      ObjectNode node = plugins.addObject();
      node.put("name", jar.name());
      node.put("path", jar.path().toAbsolutePath().toString());
      node.put("sha256", jar.sha256());
      ArrayNode provides = node.putArray("provides");
      jar.provides().forEach(provides::add);
    }
    ObjectNode used = root.putObject("quantities");
    for (Quantity quantity : quantities) {
      ObjectNode node = used.putObject(quantity.name());
      node.put("schedule", quantity.schedule().toString());
      node.set("options", JSON.valueToTree(stringValues(quantity)));
      Provided<QuantityProvider> provided = catalog.quantities().get(quantity.name());
      if (provided != null) {
        node.put("provider", provided.origin().toString());
      }
    }
    root.set("settings", JSON.valueToTree(experiment.point().settings()));
    JsonNode config = ExperimentMapper.get().valueToTree(experiment.config());
    root.set("config", config);
    write();
    try {
      Files.writeString(
          directory.resolve(CONFIG_FILE),
          "# The resolved configuration of this run (defaults filled in); `cockpit run` on this\n"
              + "# file repeats it.\n"
              + ExperimentMapper.get().writeValueAsString(experiment.config()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + directory.resolve(CONFIG_FILE), e);
    }
  }

  private static java.util.Map<String, String> stringValues(Quantity quantity) {
    java.util.Map<String, String> values = new java.util.TreeMap<>();
    quantity.options().forEach((key, value) -> values.put(key, String.valueOf(value)));
    return values;
  }

  /** Records that this run continues from the checkpoint taken after {@code step} steps. */
  void resumed(int step, Path checkpoint) {
    ObjectNode resumed = root.putObject("resumed_from");
    resumed.put("step", step);
    resumed.put("checkpoint", checkpoint.toString());
    write();
  }

  /** Marks the run finished, with its summary. */
  void finished(ObjectNode summary) {
    root.put("status", "finished");
    end();
    root.set("summary", summary);
    write();
  }

  /** Marks the run failed. */
  void failed(Throwable error) {
    root.put("status", "failed");
    root.put("error", String.valueOf(error));
    end();
    write();
  }

  private void end() {
    root.put("finished", Instant.now().toString());
    root.put("wall_seconds", (System.nanoTime() - startNanos) / 1e9);
  }

  private void write() {
    try {
      JSON.writeValue(directory.resolve(FILE).toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + directory.resolve(FILE), e);
    }
  }

  /** The Cockpit4J version from the jar's Maven metadata, or {@code development}. */
  static String cockpitVersion() {
    try (InputStream in =
        Provenance.class.getResourceAsStream(
            "/META-INF/maven/org.cockpit4j/cockpit4j-examples/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "development");
      }
    } catch (IOException e) {
      // fall through
    }
    return "development";
  }

  private static String sha256(Path file) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      return "";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
