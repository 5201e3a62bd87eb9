package org.cockpit4j.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.cockpit4j.examples.experiment.config.BackendConfig;
import org.cockpit4j.examples.experiment.config.CockpitConfig;
import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.ConfigOverride;
import org.cockpit4j.examples.experiment.config.EvaluationConfig;
import org.cockpit4j.examples.experiment.config.ExperimentConfig;
import org.cockpit4j.examples.experiment.config.ExperimentFile;
import org.cockpit4j.examples.experiment.config.ExperimentLoader;
import org.cockpit4j.examples.experiment.config.ExperimentMapper;
import org.cockpit4j.examples.experiment.config.ExperimentPoint;
import org.cockpit4j.examples.experiment.config.OutputConfig;
import org.cockpit4j.examples.experiment.config.SourceLocation;
import org.cockpit4j.examples.experiment.config.Suggestions;
import org.junit.jupiter.api.Test;

/**
 * Parsing: strictness with file:line:column and suggestions, recorded defaults, the YAML round
 * trip, sweeps and overrides.
 */
class ExperimentLoaderTest {
  private static final String MINIMAL =
      """
      data:
        dataset: {type: class_templates}
        batch_size: 8
      model:
        layers:
          - {type: flatten}
          - {type: linear, in: 64, out: 4}
      loss: cross_entropy
      optimizer: {type: sgd, lr: 0.1}
      training: {steps: 3}
      """;

  @Test
  void unknownKeyFailsWithLineColumnClosestMatchAndKnownKeys() {
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> Experiments.parse(MINIMAL.replace("batch_size: 8", "batchsize: 8")));
    assertEquals(new SourceLocation("test.yaml", 3, 3), error.location());
    assertEquals("data.batchsize", error.key());
    assertTrue(
        error.getMessage().startsWith("test.yaml:3:3: data.batchsize: unknown key"),
        error.getMessage());
    assertTrue(error.getMessage().contains("did you mean 'batch_size'?"), error.getMessage());
    assertTrue(
        error
            .getMessage()
            .contains("Known: dataset, batch_size, shuffle, drop_last, preprocessing"),
        error.getMessage());
  }

  @Test
  void wrongKindsOfValuesNameTheExpectedKind() {
    ConfigException text =
        assertThrows(
            ConfigException.class,
            () -> Experiments.parse(MINIMAL.replace("batch_size: 8", "batch_size: eight")));
    assertEquals(3, text.location().line());
    assertTrue(text.getMessage().contains("expected an integer, got 'eight'"), text.getMessage());
    ConfigException scalar =
        assertThrows(
            ConfigException.class,
            () -> Experiments.parse(MINIMAL.replace("training: {steps: 3}", "training: 3")));
    assertTrue(
        scalar.getMessage().contains("training: expected a mapping with the keys steps, epochs"),
        scalar.getMessage());
  }

  @Test
  void duplicateKeysAndBrokenYamlFailWithTheirPlace() {
    ConfigException duplicate =
        assertThrows(ConfigException.class, () -> Experiments.parse(MINIMAL + "loss: mse\n"));
    assertTrue(duplicate.getMessage().contains("duplicate key 'loss'"), duplicate.getMessage());
    ConfigException broken =
        assertThrows(ConfigException.class, () -> Experiments.parse("data: [1, 2\nloss: mse\n"));
    assertTrue(broken.location().line() > 0, broken.getMessage());
    assertTrue(broken.getMessage().contains("not valid YAML"), broken.getMessage());
    ConfigException list = assertThrows(ConfigException.class, () -> Experiments.parse("- 1\n"));
    assertTrue(list.getMessage().contains("must be a mapping"), list.getMessage());
  }

  @Test
  void defaultsAreRecorded() {
    ExperimentConfig config = Experiments.parse(MINIMAL).single().config();
    assertEquals("test", config.name());
    assertEquals(0L, config.seed());
    assertEquals("float32", config.dtype());
    assertEquals(new BackendConfig("cpu", Map.of()), config.backend());
    assertEquals(true, config.data().shuffle());
    assertEquals(true, config.data().dropLast());
    assertEquals(1.0, config.data().preprocessing().scale());
    assertEquals(CockpitConfig.defaults(), config.cockpit());
    assertEquals("none", config.cockpit().preset());
    assertEquals(1, config.cockpit().schedule().interval());
    assertEquals(EvaluationConfig.defaults(), config.evaluation());
    assertEquals(OutputConfig.defaults(), config.output());
    assertEquals("runs/test", config.outputDirectory());
    assertEquals("constant", config.optimizer().schedule().type());
  }

  @Test
  void resolvedConfigurationSurvivesAYamlRoundTrip() throws Exception {
    ExperimentConfig config =
        Experiments.parse(
                MINIMAL
                    + "cockpit:\n  preset: economy\n  quantities:\n"
                    + "    - {type: HessMaxEV, schedule: {type: logarithmic, start: 0, end: 2},"
                    + " options: {use_power: false}}\n")
            .single()
            .config();
    String yaml = ExperimentMapper.get().writeValueAsString(config);
    ExperimentConfig again = Experiments.parse(yaml).single().config();
    assertEquals(config, again);
    assertEquals(
        config, ExperimentMapper.get().readValue(yaml, ExperimentConfig.class), "direct binding");
  }

  @Test
  void sweepExpandsToTheCartesianProductWithLabelsAndDirectories() {
    ExperimentFile file =
        Experiments.parse(
            MINIMAL
                + "sweep:\n"
                + "  optimizer.lr: [0.1, 0.5]\n"
                + "  size:\n"
                + "    - {label: small, data.batch_size: 4}\n"
                + "    - {label: large, data.batch_size: 16, training.steps: 2}\n");
    assertTrue(file.sweep());
    List<String> labels = file.points().stream().map(ExperimentPoint::label).toList();
    assertEquals(
        List.of("lr=0.1__small", "lr=0.1__large", "lr=0.5__small", "lr=0.5__large"), labels);
    ExperimentPoint last = file.points().get(3);
    assertEquals(0.5, last.config().optimizer().lr());
    assertEquals(16, last.config().data().batchSize());
    assertEquals(2, last.config().training().steps());
    assertEquals("runs/test/lr=0.5__large", last.config().outputDirectory());
    assertEquals(
        Map.of("optimizer.lr", 0.5, "data.batch_size", 16, "training.steps", 2), last.settings());
  }

  @Test
  void sweepMistakesPointAtTheSweep() {
    ConfigException notList =
        assertThrows(
            ConfigException.class,
            () -> Experiments.parse(MINIMAL + "sweep:\n  optimizer.lr: 0.1\n"));
    assertTrue(notList.getMessage().contains("non-empty list"), notList.getMessage());
    ConfigException badPath =
        assertThrows(
            ConfigException.class,
            () -> Experiments.parse(MINIMAL + "sweep:\n  optimizer.rl: [0.1]\n"));
    assertEquals(new SourceLocation("test.yaml", 12, 18), badPath.location());
    assertTrue(badPath.getMessage().contains("did you mean 'lr'"), badPath.getMessage());
    ConfigException patch =
        assertThrows(
            ConfigException.class, () -> Experiments.parse(MINIMAL + "sweep:\n  size: [1, 2]\n"));
    assertTrue(patch.getMessage().contains("axis of patches"), patch.getMessage());
  }

  @Test
  void overridesReplaceValuesAndReportTheirOrigin() {
    ExperimentFile file =
        ExperimentLoader.parse(
            "test.yaml",
            "test",
            MINIMAL,
            List.of(
                ConfigOverride.set(
                    "optimizer.lr", ExperimentLoader.parseValue("0.25"), "command line --set"),
                ConfigOverride.remove("training.steps", "command line --steps"),
                ConfigOverride.set(
                    "training.epochs", ExperimentLoader.parseValue("2"), "command line --steps")));
    assertEquals(0.25, file.single().config().optimizer().lr());
    assertEquals(2, file.single().config().training().epochs());
    ConfigException error =
        assertThrows(
            ConfigException.class,
            () ->
                ExperimentLoader.parse(
                    "test.yaml",
                    "test",
                    MINIMAL,
                    List.of(
                        ConfigOverride.set(
                            "optimiser.lr",
                            ExperimentLoader.parseValue("1"),
                            "command line --set"))));
    assertEquals("command line --set", error.location().source());
    assertTrue(error.getMessage().contains("did you mean 'optimizer'"), error.getMessage());
    ObjectNode tree = file.single().tree();
    assertEquals(0.25, tree.path("optimizer").path("lr").asDouble());
  }

  @Test
  void suggestionsUseEditDistance() {
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
    assertEquals("batch_size", Suggestions.closest("batchsize", List.of("shuffle", "batch_size")));
    assertEquals("fashion_mnist", Suggestions.closest("fashion-mnist", List.of("fashion_mnist")));
    assertEquals(null, Suggestions.closest("zzz", List.of("linear", "conv2d")));
  }
}
