package org.cockpit4j.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cockpit4j.examples.data.FashionMnist;
import org.cockpit4j.examples.experiment.config.ConfigOverride;
import org.cockpit4j.examples.experiment.config.ExperimentFile;
import org.cockpit4j.examples.experiment.config.ExperimentLoader;
import org.cockpit4j.examples.experiment.config.ExperimentPoint;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.run.RunResult;
import org.cockpit4j.examples.experiment.run.RunSettings;
import org.cockpit4j.examples.experiment.wiring.ExperimentModule;
import org.cockpit4j.log.CockpitLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped experiment file parses, passes the checks at every sweep point and its injector
 * builds; the README's first experiment leaves its logs, metrics, summary and provenance.
 */
class ShippedExperimentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  static Stream<Path> shippedFiles() throws IOException {
    return Files.list(Path.of("experiments"))
        .filter(file -> file.toString().endsWith(".yaml"))
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("shippedFiles")
  void parsesValidatesAndWires(Path file) throws IOException {
    ExperimentFile experiments = ExperimentLoader.load(file);
    PluginCatalog catalog = PluginCatalog.classPath();
    for (ExperimentPoint point : experiments.points()) {
      ValidatedExperiment validated = ExperimentValidator.validate(point, catalog);
      Guice.createInjector(new ExperimentModule(validated, catalog, RunSettings.quiet()));
    }
    assertTrue(shippedFiles().count() >= 7);
  }

  @Test
  void theFirstCommandsExperimentLeavesLogsMetricsSummaryAndProvenance() throws Exception {
    // Random images of Fashion-MNIST's shape stand in for the data, so this runs everywhere.
    List<ConfigOverride> overrides =
        Experiments.overrides(
            out,
            "data.dataset={type: random_images, shape: [1, 28, 28], classes: 10, samples: 256,"
                + " valid_samples: 64}",
            "evaluation.every=5",
            "output.figure=true",
            "output.diagnosis=true",
            "output.figure_every=0");
    overrides.add(Experiments.steps(12));
    RunResult result =
        ExperimentRunner.run(
                Experiments.shipped("fmnist_basic.yaml"), overrides, null, RunSettings.quiet())
            .get(0);
    assertEquals(12, result.stepsRun());
    for (String name :
        List.of(
            "cockpit.jsonl",
            "cockpit.json",
            "metrics.jsonl",
            "summary.json",
            "provenance.json",
            "experiment.yaml",
            "cockpit.png",
            "diagnosis.json",
            "diagnosis.txt")) {
      assertTrue(Files.isRegularFile(out.resolve(name)), name);
      assertTrue(result.files().contains(name), name);
    }
    // The JSON Lines log holds every tracked step (economy tracks every step).
    var log = CockpitLogReader.read(out.resolve("cockpit.jsonl"));
    assertEquals(result.log().steps().keySet(), log.steps().keySet());
    assertTrue(log.column("Alpha").size() >= 10);
    assertTrue(log.column("valid_accuracy").containsKey(0), "evaluation at step 0");
    assertTrue(log.column("train_loss").containsKey(12), "evaluation after the last step");
    assertEquals(
        12,
        Files.readAllLines(out.resolve("metrics.jsonl")).stream()
            .filter(line -> !line.contains("train_loss"))
            .count());

    var metadata = CockpitLogReader.metadata(out.resolve("cockpit.jsonl"));
    assertEquals(
        java.util.Map.of("type", "sgd", "lr", 0.1), metadata.get("optimizer"), "figure title");
    assertEquals(10, ((List<?>) metadata.get("parameters")).size());

    JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
    assertEquals("finished", provenance.path("status").asText());
    assertEquals(0, provenance.path("seed").asLong());
    assertEquals("cpu", provenance.path("backend").path("name").asText());
    assertFalse(provenance.path("backend").path("device").asText().isEmpty());
    assertFalse(provenance.path("versions").path("java").asText().isEmpty());
    assertTrue(provenance.path("machine").path("processors").asInt() > 0);
    assertEquals("economy", provenance.path("config").path("cockpit").path("preset").asText());
    assertEquals(
        "random_images",
        provenance.path("config").path("data").path("dataset").path("type").asText());
    assertTrue(provenance.path("quantities").has("Alpha"));

    // experiment.yaml repeats the run: it loads to the same configuration.
    ExperimentFile again = ExperimentLoader.load(out.resolve("experiment.yaml"));
    assertEquals(
        ExperimentLoader.load(Experiments.shipped("fmnist_basic.yaml"), overrides)
            .single()
            .config(),
        again.single().config());
  }

  @Test
  void theDashboardServesDuringTheRunAndStopsWithIt() {
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    RunSettings settings =
        new RunSettings(new java.io.PrintStream(console, true), false, List.of("test"));
    List<ConfigOverride> overrides =
        Experiments.overrides(out, "output.dashboard=true", "output.dashboard_port=0");
    overrides.add(Experiments.steps(2));
    ExperimentRunner.run(Experiments.shipped("line.yaml"), overrides, null, settings, "lr=0.1$");
    assertTrue(console.toString().contains("dashboard: http://127.0.0.1:"), console.toString());
  }

  @Test
  void fashionMnistBasicTrainsOnTheRealData() {
    assumeTrue(fashionMnistAvailable(), "Fashion-MNIST is not installed");
    List<ConfigOverride> overrides =
        Experiments.overrides(
            out,
            "evaluation.every=10",
            "evaluation.train_samples=500",
            "evaluation.valid_samples=500");
    overrides.add(Experiments.steps(20));
    RunResult result =
        ExperimentRunner.run(
                Experiments.shipped("fmnist_basic.yaml"), overrides, null, RunSettings.quiet())
            .get(0);
    assertEquals(20, result.stepsRun());
    double[] trainLoss = Experiments.column(result.log(), "train_loss");
    assertTrue(
        trainLoss[trainLoss.length - 1] < trainLoss[0],
        "it learns: " + java.util.Arrays.toString(trainLoss));
    assertTrue(result.evaluation().containsKey("valid_accuracy"));
  }

  private static boolean fashionMnistAvailable() {
    try {
      FashionMnist.load(FashionMnist.Split.TEST, null);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
