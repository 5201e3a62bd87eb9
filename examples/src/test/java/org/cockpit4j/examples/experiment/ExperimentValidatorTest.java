package org.cockpit4j.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Semantic checks: unknown type names with the closest known one, bad values with the key and the
 * fix, layer lists whose shapes do not chain, all at the offending line.
 */
class ExperimentValidatorTest {
  private static final String BASE =
      """
      name: check
      data:
        dataset: {type: class_templates}
        batch_size: 8
      model:
        layers:
          - {type: flatten}
          - {type: linear, in: 64, out: 16}
          - {type: relu}
          - {type: linear, in: 16, out: 4}
      loss: cross_entropy
      optimizer: {type: sgd, lr: 0.1}
      training: {steps: 3}
      cockpit:
        preset: economy
        quantities:
          - {type: HessMaxEV, options: {use_power: false}}
      """;

  private static PluginCatalog catalog;

  @BeforeAll
  static void discover() {
    catalog = PluginCatalog.classPath();
  }

  private static ConfigException failure(String from, String to) {
    String yaml = BASE.replace(from, to);
    assertTrue(!yaml.equals(BASE), "the replacement applies: " + from);
    return assertThrows(
        ConfigException.class,
        () -> ExperimentValidator.validate(Experiments.parse(yaml).single(), catalog));
  }

  @Test
  void theBaseIsValid() {
    ValidatedExperiment validated =
        ExperimentValidator.validate(Experiments.parse(BASE).single(), catalog);
    assertEquals(Shape.of(1, 8, 8), validated.dataShape().inputShape());
    assertEquals(4, validated.dataShape().classes());
  }

  @Test
  void unknownTypeNamesSuggestTheClosestKnownName() {
    ConfigException layer = failure("{type: relu}", "{type: relux}");
    assertEquals(9, layer.location().line());
    assertEquals("model.layers[2].type", layer.key());
    assertTrue(layer.getMessage().contains("did you mean 'relu'"), layer.getMessage());
    ConfigException dataset = failure("type: class_templates", "type: class_template");
    assertTrue(
        dataset.getMessage().contains("did you mean 'class_templates'"), dataset.getMessage());
    assertTrue(dataset.getMessage().contains("fashion_mnist"), "lists the known datasets");
    ConfigException quantity = failure("type: HessMaxEV", "type: HessMaxEv");
    assertEquals(17, quantity.location().line());
    assertTrue(quantity.getMessage().contains("did you mean 'HessMaxEV'"), quantity.getMessage());
    ConfigException preset = failure("preset: economy", "preset: econmy");
    assertTrue(preset.getMessage().contains("did you mean 'economy'"), preset.getMessage());
    ConfigException optimizer = failure("type: sgd", "type: sdg");
    assertTrue(optimizer.getMessage().contains("did you mean 'sgd'"), optimizer.getMessage());
    ConfigException loss = failure("loss: cross_entropy", "loss: crossentropy");
    assertTrue(loss.getMessage().contains("did you mean 'cross_entropy'"), loss.getMessage());
    ConfigException backend = failure("name: check", "name: check\nbackend: {type: cpuu}");
    assertTrue(backend.getMessage().contains("did you mean 'cpu'"), backend.getMessage());
  }

  @Test
  void unknownOptionsOfLayersQuantitiesAndDatasetsPointAtTheOption() {
    ConfigException layer = failure("in: 16, out: 4", "in: 16, outt: 4");
    assertEquals("model.layers[3].outt", layer.key());
    assertTrue(layer.getMessage().contains("did you mean 'out'"), layer.getMessage());
    ConfigException quantity = failure("use_power: false", "use_powr: false");
    assertEquals("cockpit.quantities[0].options.use_powr", quantity.key());
    assertTrue(quantity.getMessage().contains("did you mean 'use_power'"), quantity.getMessage());
    ConfigException dataset =
        failure("type: class_templates}", "type: class_templates, clases: 3}");
    assertEquals("data.dataset.clases", dataset.key());
    assertTrue(dataset.getMessage().contains("did you mean 'classes'"), dataset.getMessage());
  }

  @Test
  void badValuesNameTheKeyAndTheFix() {
    ConfigException batch = failure("batch_size: 8", "batch_size: 0");
    assertEquals(
        "test.yaml:4:15: data.batch_size: the batch size must be at least 1, got 0. Fix:"
            + " use a positive batch size, e.g. batch_size: 128 (the Cockpit's variances need at"
            + " least 2)",
        batch.getMessage());
    ConfigException steps = failure("steps: 3", "steps: -5");
    assertEquals("training.steps", steps.key());
    assertTrue(steps.fix().contains("steps: 300"), steps.getMessage());
    ConfigException rate = failure("lr: 0.1", "lr: -0.1");
    assertEquals("optimizer.lr", rate.key());
    assertTrue(rate.getMessage().contains("must be positive"), rate.getMessage());
    ConfigException zero = failure("lr: 0.1", "lr: 0");
    assertEquals("optimizer.lr", zero.key());
    ConfigException both = failure("training: {steps: 3}", "training: {steps: 3, epochs: 1}");
    assertTrue(both.getMessage().contains("not both"), both.getMessage());
    ConfigException interval =
        failure("preset: economy", "preset: economy\n  schedule: {interval: 0}");
    assertEquals("cockpit.schedule.interval", interval.key());
    ConfigException adamOption = failure("lr: 0.1}", "lr: 0.1, betas: [0.9, 0.99]}");
    assertTrue(adamOption.getMessage().contains("option of adam"), adamOption.getMessage());
  }

  @Test
  void layersWhoseShapesDoNotChainFailAtTheLayerWithTheFix() {
    ConfigException linear = failure("in: 16, out: 4", "in: 12, out: 4");
    assertEquals(10, linear.location().line());
    assertEquals("model.layers[3]", linear.key());
    assertTrue(linear.getMessage().contains("[16]"), linear.getMessage());
    assertEquals("set in: 16 (was 12)", linear.fix());
    ConfigException flatten = failure("    - {type: flatten}\n", "");
    assertTrue(flatten.fix().startsWith("put {type: flatten} before this layer"), flatten.fix());
    ConfigException output = failure("in: 16, out: 4", "in: 16, out: 5");
    assertTrue(output.getMessage().contains("needs [4]"), output.getMessage());
    ConfigException loss = failure("loss: cross_entropy", "loss: mse");
    assertTrue(loss.getMessage().contains("mse needs regression targets"), loss.getMessage());
  }

  @Test
  void initialParametersMustMatchTheModel() {
    ConfigException count =
        failure(
            "    - {type: linear, in: 16, out: 4}\n",
            "    - {type: linear, in: 16, out: 4}\n  initial_parameters: [[1.0]]\n");
    assertTrue(count.getMessage().contains("4 parameters"), count.getMessage());
  }
}
