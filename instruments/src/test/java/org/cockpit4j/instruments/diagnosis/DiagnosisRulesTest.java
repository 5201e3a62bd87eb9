package org.cockpit4j.instruments.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.testing.SyntheticLogs;
import org.cockpit4j.log.CockpitLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule on a synthetic log that triggers it and on one that does not. */
class DiagnosisRulesTest {

  private static RunData run(CockpitLog log) {
    return new RunData("synthetic", log, SyntheticLogs.metadata());
  }

  private static Finding only(DiagnosisRule rule, RunData run) {
    List<Finding> findings = rule.examine(run);
    assertEquals(1, findings.size(), rule.id() + ": " + findings);
    assertEquals(rule.id(), findings.get(0).rule());
    assertTrue(!findings.get(0).evidence().isEmpty(), "evidence");
    return findings.get(0);
  }

  @Test
  void stepsTooLarge() {
    DiagnosisRule rule = new StepsTooLargeRule();
    Finding finding = only(rule, run(SyntheticLogs.full(10, step -> step < 2 ? 0.0 : 0.9)));
    assertTrue(finding.title().contains("8 of 10"), finding.title());
    assertEquals(9, finding.evidence().get(4).step());
    assertEquals(0.9, finding.evidence().get(4).value());
    assertTrue(rule.examine(run(SyntheticLogs.healthy(10))).isEmpty());
  }

  @Test
  void stepsTooSmall() {
    DiagnosisRule rule = new StepsTooSmallRule();
    only(rule, run(SyntheticLogs.full(10, step -> -0.98)));
    assertTrue(rule.examine(run(SyntheticLogs.healthy(10))).isEmpty());
  }

  @Test
  void gradientHistogramPiledAtItsLimits() {
    DiagnosisRule rule = new GradientRangeRule();
    CockpitLog piled = SyntheticLogs.healthy(4);
    double[] counts = SyntheticLogs.bell(100, 0.25);
    counts[0] = 3000;
    counts[99] = 2500;
    piled.put(3, "GradHist1d", SyntheticLogs.histogram1d(counts, -2, 2));
    Finding finding = only(rule, run(piled));
    assertEquals(3, finding.evidence().get(0).step());
    assertEquals(3000, finding.evidence().get(1).value());
    assertTrue(rule.examine(run(SyntheticLogs.healthy(4))).isEmpty());
  }

  @Test
  void someLayersGradientsCollapsed() {
    DiagnosisRule rule = new VanishingGradientRule();
    CockpitLog log = SyntheticLogs.healthy(5);
    for (int step = 0; step < 5; step++) {
      log.put(step, "GradNorm", List.of(0.3, 0.0, 1e-12));
    }
    Finding finding = only(rule, run(log));
    assertEquals(Severity.WARNING, finding.severity());
    assertEquals("0.bias", finding.evidence().get(0).layer());
    assertEquals("2.weight", finding.evidence().get(1).layer());
    assertTrue(rule.examine(run(SyntheticLogs.healthy(5))).isEmpty());
    CockpitLog recovered = SyntheticLogs.healthy(5);
    recovered.put(0, "GradNorm", List.of(0.3, 0.0, 0.0)); // only an early step, then it learns
    assertTrue(rule.examine(run(recovered)).isEmpty());
  }

  @Test
  void learningRateTimesLargestEigenvalueAboveTwo() {
    DiagnosisRule rule = new CurvatureStabilityRule();
    CockpitLog sharp = SyntheticLogs.healthy(4);
    sharp.put(2, "HessMaxEV", 30.0); // lr 0.1 * 30 = 3 > 2
    Finding finding = only(rule, run(sharp));
    assertEquals(2, finding.evidence().get(0).step());
    assertEquals(30.0, finding.evidence().get(0).value());
    assertTrue(rule.examine(run(SyntheticLogs.healthy(4))).isEmpty()); // 0.1 * 4 < 2
    RunData adam =
        new RunData("adam", sharp, Map.of("optimizer", Map.of("type", "adam", "lr", 0.1)));
    assertTrue(rule.examine(adam).isEmpty(), "not an SGD run");
  }

  @Test
  void nonFiniteLossGivesTheFirstDivergentStepAndTheLastFiniteValues() {
    DiagnosisRule rule = new DivergenceRule();
    CockpitLog diverged = SyntheticLogs.healthy(6);
    diverged.put(4, "Loss", Double.NaN);
    diverged.put(5, "Loss", Double.POSITIVE_INFINITY);
    Finding finding = only(rule, run(diverged));
    assertEquals(Severity.CRITICAL, finding.severity());
    assertEquals(4, finding.evidence().get(0).step());
    Evidence lastLoss = finding.evidence().get(1);
    assertEquals("Loss", lastLoss.quantity());
    assertEquals(3, lastLoss.step());
    assertTrue(Double.isFinite(lastLoss.value()));
    assertTrue(finding.evidence().stream().anyMatch(e -> e.quantity().equals("GradNorm")));
    assertTrue(finding.title().startsWith("Diverged: the loss is NaN at step 4"), finding.title());
    assertTrue(rule.examine(run(SyntheticLogs.healthy(6))).isEmpty());
  }

  @Test
  void aNonFiniteGradientNamesTheFirstLayerWhereItAppeared() {
    CockpitLog diverged = SyntheticLogs.healthy(6);
    // step 3: the gradient norm of 0.bias and 2.weight overflows while the loss is still finite
    diverged.put(3, "GradNorm", List.of(0.5, Double.POSITIVE_INFINITY, Double.NaN));
    diverged.put(4, "GradNorm", List.of(Double.NaN, Double.NaN, Double.NaN));
    diverged.put(4, "Loss", Double.NaN);
    Finding finding = only(new DivergenceRule(), run(diverged));
    assertEquals(3, finding.facts().get("first_nonfinite_step"));
    assertEquals("GradNorm", finding.facts().get("first_nonfinite_key"));
    assertEquals("0", finding.facts().get("first_nonfinite_layer"));
    assertEquals(List.of("0.bias", "2.weight"), finding.facts().get("first_nonfinite_parameters"));
    assertEquals(3, finding.facts().get("first_nonfinite_layer_step"));
    assertTrue(
        finding.title().startsWith("Diverged: GradNorm is Infinity at step 3"), finding.title());
    assertTrue(finding.title().endsWith("first in layer 0"), finding.title());
    assertTrue(finding.message().contains("is in 0.bias, 2.weight: look at layer 0"));
    Evidence layer =
        finding.evidence().stream().filter(e -> e.layer() != null).findFirst().orElseThrow();
    assertEquals("0.bias", layer.layer());
    assertEquals(3, layer.step());
    assertEquals("first non-finite layer", layer.note());
    assertEquals("Loss", finding.evidence().get(1).quantity(), "then the last finite values");
    assertEquals(2, finding.evidence().get(1).step());
  }

  @Test
  void parametersHoldingNonFiniteValuesNameTheLayerWithoutAGradientNorm() {
    CockpitLog diverged = SyntheticLogs.healthy(6);
    diverged.put(5, "Loss", Double.NaN);
    diverged.put(5, "Distance", List.of(0.1, 0.2, Double.NaN));
    Finding finding = only(new DivergenceRule(), run(diverged));
    assertEquals(5, finding.facts().get("first_nonfinite_step"));
    assertEquals("Loss", finding.facts().get("first_nonfinite_key"));
    assertEquals("2", finding.facts().get("first_nonfinite_layer"));
    assertEquals(List.of("2.weight"), finding.facts().get("first_nonfinite_parameters"));
  }

  @Test
  void aDivergenceRecordedByTheRunIsReportedEvenWhenTheLogShowsNoNonFiniteValue() {
    CockpitLog log = SyntheticLogs.healthy(6);
    String sentence = "the first non-finite value is loss = NaN at step 5";
    log.put(5, DivergenceRule.RECORD_KEY, sentence);
    Finding finding = only(new DivergenceRule(), run(log));
    assertEquals(Severity.CRITICAL, finding.severity());
    assertEquals(5, finding.facts().get("first_nonfinite_step"));
    assertEquals(sentence, finding.facts().get("recorded"));
    assertTrue(finding.title().startsWith("Diverged at step 5"), finding.title());
  }

  @Test
  void diagnosisJsonCarriesTheFirstNonFiniteLayer(@TempDir Path directory) throws Exception {
    CockpitLog diverged = SyntheticLogs.healthy(6);
    diverged.put(4, "GradNorm", List.of(0.5, 0.1, Double.POSITIVE_INFINITY));
    Diagnosis.of(run(diverged)).writeTo(directory);
    JsonNode finding =
        new ObjectMapper()
            .readTree(directory.resolve("diagnosis.json").toFile())
            .get("findings")
            .get(0);
    assertEquals("divergence", finding.get("rule").asText());
    assertEquals("2", finding.get("first_nonfinite_layer").asText());
    assertEquals("[\"2.weight\"]", finding.get("first_nonfinite_parameters").toString());
    assertEquals(4, finding.get("first_nonfinite_step").asInt());
    JsonNode layer = finding.get("evidence").get(finding.get("evidence").size() - 1);
    assertEquals("2.weight", layer.get("layer").asText());
    assertEquals("Infinity", layer.get("value").asText());
    String text = Files.readString(directory.resolve("diagnosis.txt"));
    assertTrue(text.contains("first in layer 2"), text);
    assertTrue(
        text.contains("step 4: 2.weight GradNorm = Infinity (first non-finite layer)"), text);
  }

  @Test
  void reportIsWrittenAsJsonAndText(@TempDir Path directory) throws Exception {
    CockpitLog diverged = SyntheticLogs.full(6, step -> 0.9);
    diverged.put(5, "Loss", Double.NaN);
    Diagnosis diagnosis = Diagnosis.of(run(diverged));
    assertEquals(6, diagnosis.ruleIds().size());
    assertEquals("divergence", diagnosis.findings().get(0).rule(), "most severe first");
    diagnosis.writeTo(directory);
    JsonNode json = new ObjectMapper().readTree(directory.resolve("diagnosis.json").toFile());
    assertEquals(5, json.get("findings").get(0).get("evidence").get(0).get("step").asInt());
    assertEquals("NaN", json.get("findings").get(0).get("evidence").get(0).get("value").asText());
    assertEquals(5, json.get("findings").get(0).get("first_nonfinite_step").asInt());
    assertEquals("Loss", json.get("findings").get(0).get("first_nonfinite_key").asText());
    assertTrue(
        json.get("findings").get(0).get("first_nonfinite_layer") == null,
        "every gradient norm is finite: no layer");
    String text = Files.readString(directory.resolve("diagnosis.txt"));
    assertTrue(text.contains("[CRITICAL] Diverged"), text);
    assertTrue(text.contains("[WARNING] Steps too large"), text);
  }
}
