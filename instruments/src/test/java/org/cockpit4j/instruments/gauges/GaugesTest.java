package org.cockpit4j.instruments.gauges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cockpit4j.instrument.GaugeView;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.InstrumentGroup;
import org.cockpit4j.instrument.Instruments;
import org.cockpit4j.instrument.Mark;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.testing.SyntheticLogs;
import org.cockpit4j.log.CockpitLog;
import org.junit.jupiter.api.Test;

class GaugesTest {

  @Test
  void serviceLoaderFindsEveryGaugeOnce() {
    List<Instrument> all = Instruments.all();
    Set<String> names = new HashSet<>();
    all.forEach(instrument -> assertTrue(names.add(instrument.name()), instrument.name()));
    assertEquals(19, all.size(), names.toString());
    assertEquals(3, Instruments.of(InstrumentGroup.STEP_SIZE).size());
    assertEquals(3, Instruments.of(InstrumentGroup.GRADIENTS).size());
    assertEquals(3, Instruments.of(InstrumentGroup.CURVATURE).size());
    assertEquals("alpha", Instruments.of(InstrumentGroup.STEP_SIZE).get(0).name());
  }

  @Test
  void everyGaugeDrawsAFullLog() {
    RunData run = new RunData("full", SyntheticLogs.healthy(30), SyntheticLogs.metadata());
    for (Instrument instrument : Instruments.all()) {
      GaugeView view = instrument.view(run);
      assertFalse(view.hasNoData(), instrument.name() + ": " + view.note());
      assertFalse(view.plots().isEmpty(), instrument.name());
    }
  }

  @Test
  void emptyOneStepAndNonFiniteLogsGiveNoDataInsteadOfFailing() {
    CockpitLog nonFinite = new CockpitLog();
    for (int step = 0; step < 3; step++) {
      for (String key :
          List.of("Loss", "Alpha", "HessMaxEV", "NormTest", "InnerTest", "OrthoTest")) {
        nonFinite.put(step, key, Double.NaN);
      }
      nonFinite.put(step, "GradNorm", List.of(Double.POSITIVE_INFINITY, Double.NaN));
      nonFinite.put(step, "learning_rate", Double.NEGATIVE_INFINITY);
    }
    CockpitLog oneStep = new CockpitLog();
    oneStep.putAll(0, SyntheticLogs.values(0, 0.1));
    for (CockpitLog log : List.of(new CockpitLog(), nonFinite)) {
      RunData run = RunData.of("broken", log);
      for (Instrument instrument : Instruments.all()) {
        GaugeView view = instrument.view(run);
        assertEquals("no data yet", view.note(), instrument.name());
      }
    }
    RunData single = RunData.of("one", oneStep);
    for (Instrument instrument : Instruments.all()) {
      GaugeView view = instrument.view(single);
      if (instrument.name().equals("alpha") || instrument.name().equals("layerwise-distance")) {
        // α needs two values; the distance at step 0 is 0, which a log axis cannot show
        assertTrue(view.hasNoData(), instrument.name());
      } else {
        assertFalse(view.hasNoData(), instrument.name() + ": " + view.note());
      }
    }
  }

  @Test
  void alphaGaugeShowsTheParabolaAndBothDistributionsWithTheirMeans() {
    RunData run = RunData.of("a", SyntheticLogs.full(20, step -> step < 18 ? 0.0 : 1.0));
    GaugeView view = new AlphaGauge().view(run);
    List<Mark> marks = view.plots().get(0).marks();
    assertTrue(marks.stream().anyMatch(m -> m.label().equals("all (μ=0.10)")), marks.toString());
    assertTrue(marks.stream().anyMatch(m -> m.label().equals("last 10 % (μ=1.00)")));
    assertTrue(marks.stream().anyMatch(m -> m instanceof Mark.Line line && line.x().length == 100));
  }

  @Test
  void outOfRangeAlphaIsCountedAtTheEdges() {
    RunData run = RunData.of("a", SyntheticLogs.full(5, step -> step == 0 ? -3 : 2.5));
    List<Mark> marks = new AlphaGauge().view(run).plots().get(0).marks();
    assertTrue(
        marks.stream().anyMatch(m -> m instanceof Mark.Text t && t.text().startsWith("◀ 1")));
    assertTrue(
        marks.stream().anyMatch(m -> m instanceof Mark.Text t && t.text().startsWith("4 >")));
  }

  @Test
  void layerwiseHistogramGridGrowsRowThenColumn() {
    assertEquals(
        List.of(2, 2),
        List.of(LayerwiseGradHist2dGauge.grid(3)[0], LayerwiseGradHist2dGauge.grid(3)[1]));
    int[] five = LayerwiseGradHist2dGauge.grid(5);
    assertEquals(List.of(3, 2), List.of(five[0], five[1]));
    int[] seven = LayerwiseGradHist2dGauge.grid(7);
    assertEquals(List.of(3, 3), List.of(seven[0], seven[1]));
    RunData run = new RunData("l", SyntheticLogs.healthy(2), SyntheticLogs.metadata());
    GaugeView view = new LayerwiseGradHist2dGauge().view(run);
    assertEquals(3, view.plots().size());
    assertEquals("0.bias", view.plots().get(1).title());
  }

  @Test
  void performanceShowsAccuracyAsPercentages() {
    RunData run = RunData.of("p", SyntheticLogs.healthy(3));
    List<Mark> marks = new PerformanceGauge().view(run).plots().get(0).marks();
    assertTrue(
        marks.stream()
            .anyMatch(m -> m.label().startsWith("Train accuracy: ") && m.label().endsWith("%")));
    assertTrue(
        new HyperparameterGauge()
            .view(run)
            .plots()
            .get(0)
            .marks()
            .get(0)
            .label()
            .equals("Learning Rate: (1.0E-01)"));
  }
}
