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
    assertTrue(rule.examine(run(SyntheticLogs.healthy(6))).isEmpty());
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
    String text = Files.readString(directory.resolve("diagnosis.txt"));
    assertTrue(text.contains("[CRITICAL] Diverged"), text);
    assertTrue(text.contains("[WARNING] Steps too large"), text);
  }
}
