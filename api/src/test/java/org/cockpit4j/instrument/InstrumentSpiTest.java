package org.cockpit4j.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.CockpitLogReader;
import org.cockpit4j.log.NdArray;
import org.cockpit4j.reference.ReferenceCases;
import org.junit.jupiter.api.Test;

class InstrumentSpiTest {

  @Test
  void emaFollowsPandasAdjustFalseAcrossMissingRows() {
    Series series = new Series(new int[] {0, 1, 2, 3}, new double[] {1, 2, Double.NaN, 4});
    Series ema = series.ema(0.2);
    assertArrayEquals(new int[] {0, 1, 3}, ema.steps());
    double y1 = 0.8 * 1 + 0.2 * 2;
    double y3 = (0.64 * y1 + 0.2 * 4) / (0.64 + 0.2);
    assertArrayEquals(new double[] {1, y1, y3}, ema.values(), 1e-15);
  }

  @Test
  void seriesHasOneEntryPerLoggedStepWithNaNForMissingValues() {
    CockpitLog log = new CockpitLog();
    log.put(0, "Loss", 1.0);
    log.put(1, "GradNorm", List.of(3.0, 4.0));
    log.put(2, "Loss", 0.5);
    log.put(2, "GradNorm", List.of(0.0, 1.0));
    RunData run = RunData.of("run", log);
    Series loss = run.series(OutputKeys.LOSS);
    assertArrayEquals(new int[] {0, 1, 2}, loss.steps());
    assertTrue(Double.isNaN(loss.value(1)));
    Series norm = run.series(OutputKeys.GRAD_NORM, PerParameter::rootSumOfSquares);
    assertEquals(5.0, norm.value(1));
    assertEquals(2, run.parameterCount(OutputKeys.GRAD_NORM));
    assertEquals(1.0, run.parameterSeries(OutputKeys.GRAD_NORM, 1).value(2));
    assertEquals(2, run.latestStep(OutputKeys.GRAD_NORM));
    assertEquals("parameter 1", run.parameterName(1));
  }

  @Test
  void undecodableValuesAreSkipped() {
    CockpitLog log = new CockpitLog();
    log.put(0, "Loss", "not a number");
    log.put(1, "GradHist1d", Map.of("hist", 3.0));
    RunData run = RunData.of("run", log);
    assertFalse(run.has(OutputKeys.LOSS));
    assertFalse(run.has(OutputKeys.GRAD_HIST_1D));
    assertNull(OutputKeys.GRAD_NORM.decode(List.of("x")));
  }

  @Test
  void learningRateComesFromTheLogThenTheMetadata() {
    CockpitLog log = new CockpitLog();
    log.put(0, "learning_rate", 0.1);
    log.put(5, "learning_rate", 0.01);
    RunData run = RunData.of("run", log);
    assertEquals(0.1, run.learningRate(3));
    assertEquals(0.01, run.learningRate(7));
    RunData fromMetadata =
        new RunData("run", new CockpitLog(), Map.of("optimizer", Map.of("type", "sgd", "lr", 0.5)));
    assertEquals(0.5, fromMetadata.learningRate(0));
    assertEquals("sgd", fromMetadata.optimizerName());
  }

  @Test
  void histogramsOfTheOriginalLogDecode() throws Exception {
    Path directory = ReferenceCases.findDirectory().orElse(Path.of("absent"));
    Path file = directory.resolve("case_logreg.cockpit_log.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "reference logs absent");
    RunData run = RunData.of("logreg", CockpitLogReader.read(file));
    Histogram1d hist = run.latest(OutputKeys.GRAD_HIST_1D).orElseThrow();
    assertEquals(100, hist.bins());
    Histogram2d hist2d = run.latest(OutputKeys.GRAD_HIST_2D).orElseThrow();
    assertEquals(40, hist2d.counts().length);
    assertEquals(50, hist2d.counts()[0].length);
    assertEquals(hist.total(), sum(hist2d.gradientMarginal()));
    assertTrue(run.has(OutputKeys.ALPHA));
  }

  @Test
  void keepIndividualHistogramsDecodePerParameter() {
    Map<String, Object> part =
        Map.of(
            "hist", NdArray.int64(new int[] {1, 2}, new long[] {1, 2}),
            "edges", List.of(NdArray.float64(0, 1), NdArray.float64(0, 1, 2)));
    Map<String, Object> value =
        Map.of(
            "hist",
            NdArray.int64(new int[] {1, 2}, new long[] {2, 4}),
            "edges",
            List.of(NdArray.float64(0, 1), NdArray.float64(0, 1, 2)),
            "param_groups",
            2L,
            "param_0",
            part,
            "param_1",
            part);
    Histogram2d hist = Histogram2d.fromLog(value);
    assertEquals(2, hist.perParameter().size());
    assertArrayEquals(new double[] {2, 4}, hist.parameterMarginal());
  }

  @Test
  void axesAndViewsValidate() {
    assertThrows(IllegalArgumentException.class, () -> Axis.linear("x").range(1, 0));
    assertThrows(IllegalArgumentException.class, () -> Colour.hex("red"));
    assertEquals("#4a73ad", Colour.PRIMARY.toHex());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Mark.HeatMap(
                new double[] {0, 1}, new double[] {0, 1}, new double[2][1], Colour.RED));
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }
}
