package org.cockpit4j.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.cockpit4j.examples.experiment.run.ExperimentRun;
import org.cockpit4j.examples.experiment.run.RunResult;
import org.cockpit4j.examples.experiment.run.RunSettings;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.CockpitLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learning rate that diverges within four steps ({@code reliability/diverging.yaml}, every
 * quantity on every step): nothing crashes, non-finite values are logged as {@code NaN} and {@code
 * Infinity} tokens, {@code on_divergence} stops or continues, and the summary names the first
 * non-finite step and the parameters where the gradient norm broke, and the diagnosis (text and
 * JSON) the first layer where a non-finite value appeared.
 */
class DivergenceTest {
  private static final Path FILE = Path.of("src/test/resources/reliability/diverging.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RunResult run(Path out, String... settings) {
    List<RunResult> results =
        ExperimentRunner.run(FILE, Experiments.overrides(out, settings), null, RunSettings.quiet());
    assertEquals(1, results.size());
    return results.get(0);
  }

  @Test
  void stopEndsTrainingAtTheFirstNonFiniteValueAndNamesTheLayer(@TempDir Path out)
      throws IOException {
    RunResult result = run(out, "output.diagnosis=true");
    assertEquals(4, result.stepsRun(), "steps 0-3 run; step 3's gradient norm is infinite");
    JsonNode divergence =
        JSON.readTree(out.resolve(ExperimentRun.SUMMARY).toFile()).get("divergence");
    assertTrue(divergence.get("diverged").asBoolean(), divergence.toString());
    assertTrue(divergence.get("stopped").asBoolean());
    assertEquals(3, divergence.get("step").asInt());
    assertEquals(3, divergence.get("gradient_step").asInt());
    assertEquals("GradNorm", divergence.get("key").asText());
    assertEquals("Infinity", divergence.get("value").asText());
    // the gradient overflows in the last two linear layers (the tanh bounds the first one's)
    assertEquals("[\"2.weight\",\"2.bias\",\"3.weight\"]", divergence.get("parameters").toString());
    String diagnosis = Files.readString(out.resolve("diagnosis.txt"));
    assertTrue(diagnosis.contains("Divergence at step 3"), diagnosis);
    assertTrue(diagnosis.contains("2.weight"), diagnosis);
    assertTrue(diagnosis.contains("first in layer 2"), diagnosis);
    JsonNode finding = JSON.readTree(out.resolve("diagnosis.json").toFile()).get("findings").get(0);
    assertEquals("divergence", finding.get("rule").asText());
    assertEquals(3, finding.get("first_nonfinite_step").asInt());
    assertEquals("GradNorm", finding.get("first_nonfinite_key").asText());
    assertEquals("2", finding.get("first_nonfinite_layer").asText(), finding.toString());
    assertEquals(divergence.get("parameters"), finding.get("first_nonfinite_parameters"));
    assertTrue(finding.get("recorded").asText().contains("at step 3"), finding.toString());

    CockpitLog log = CockpitLogReader.read(out.resolve(ExperimentRun.JSON_LINES_LOG));
    @SuppressWarnings("unchecked")
    List<Object> norms = (List<Object>) log.get(3, "GradNorm");
    assertTrue(
        norms.stream().anyMatch(norm -> Double.isInfinite(((Number) norm).doubleValue())),
        norms.toString());
    String text = Files.readString(out.resolve(ExperimentRun.JSON_LINES_LOG));
    assertTrue(text.contains("Infinity"), "non-finite values are written as tokens");
  }

  @Test
  void continueKeepsTrainingAndEveryQuantityRecordsEveryStep(@TempDir Path out) {
    RunResult result = run(out, "training.on_divergence=continue");
    assertEquals(12, result.stepsRun());
    assertTrue(result.refused().isEmpty(), "no quantity fails on NaN: " + result.refused());
    assertTrue(Double.isNaN(result.finalLoss()));
    CockpitLog log = CockpitLogReader.read(out.resolve(ExperimentRun.JSON_LINES_LOG));
    for (String key :
        List.of(
            "Loss",
            "GradNorm",
            "HessMaxEV",
            "HessTrace",
            "TICDiag",
            "TICTrace",
            "Distance",
            "GradHist1d",
            "GradHist2d",
            "InnerTest",
            "NormTest",
            "OrthoTest",
            "MeanGSNR",
            "CABS",
            "EarlyStopping",
            "Parameters",
            "Time")) {
      assertEquals(12, log.column(key).size(), key + " at every step 0-11");
    }
    for (String twoStep : List.of("Alpha", "UpdateSize")) {
      assertEquals(11, log.column(twoStep).size(), twoStep + " at steps 0-10");
    }
    SortedMap<Integer, Object> losses = log.column("Loss");
    assertTrue(Double.isNaN(((Number) losses.get(11)).doubleValue()), losses.toString());
    assertTrue(Double.isNaN(((Number) log.get(10, "Alpha")).doubleValue()));
    assertFalse(log.column("divergence").isEmpty());
  }

  @Test
  void anUnknownOnDivergenceValueIsAConfigurationError() throws IOException {
    String yaml = Files.readString(FILE).replace("on_divergence: stop", "on_divergence: halt");
    IllegalArgumentException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                ExperimentValidator.validate(
                    Experiments.parse(yaml).single(),
                    org.cockpit4j.examples.experiment.plugin.PluginCatalog.discover(null)));
    assertTrue(
        error.getMessage().startsWith("test.yaml:18:")
            && error.getMessage().contains("training.on_divergence")
            && error.getMessage().contains("Known: stop, continue"),
        error.getMessage());
  }
}
