package org.cockpit4j.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both log layouts round-trip every value type, non-finite numbers included. */
class LogFormatsTest {
  @TempDir Path directory;

  private static CockpitLog sample() {
    CockpitLog log = new CockpitLog();
    log.put(0, "Loss", 1.25);
    log.put(0, "GradNorm", List.of(0.5, Double.NaN, Double.POSITIVE_INFINITY));
    log.put(0, "Alpha", Double.NEGATIVE_INFINITY);
    Map<String, Object> histogram = new LinkedHashMap<>();
    histogram.put("hist", NdArray.int64(new int[] {2, 3}, new long[] {0, 1, 2, 3, 4, 5}));
    histogram.put("edges", List.of(NdArray.float64(-1, 0, 1), NdArray.float64(-2, -0.5, 1, 2.5)));
    histogram.put("param_groups", 2L);
    log.put(10, "GradHist2d", histogram);
    log.put(2, "Parameters", List.of(List.of(List.of(1.0, 2.0)), 3.0));
    log.put(2, "GradHist1d", Map.of("hist", NdArray.float64(1, 2, Double.NaN)));
    return log;
  }

  @Test
  void originalLayoutLooksLikeJsonTricksAndReadsBack() {
    CockpitLog log = sample();
    String text = OriginalLogFormat.toJson(log);
    assertTrue(text.startsWith("{\n    \"0\": {\n        \"Alpha\": -Infinity,\n"), text);
    assertTrue(text.indexOf("\"2\"") < text.indexOf("\"10\""), "steps in numeric order");
    assertTrue(text.contains("\"Corder\": true,\n"), text);
    assertTrue(text.contains("\"__ndarray__\": [\n"), text);
    assertTrue(text.contains("\"dtype\": \"int64\""), text);
    assertTrue(text.contains("NaN"), text);
    assertEquals(log.asMap(), CockpitLogReader.parseOriginal(text).asMap());
  }

  @Test
  void jsonLinesAreFlushedPerRecordAndMergedOnReading() throws IOException {
    Path file = directory.resolve("runs/log.jsonl");
    CockpitLog log = sample();
    try (JsonLinesLog sink = JsonLinesLog.create(file, Map.of("quantities", List.of("Loss")))) {
      for (var step : log.steps().entrySet()) {
        for (var value : step.getValue().entrySet()) {
          sink.write(step.getKey(), Map.of(value.getKey(), value.getValue()));
          // Flushed: the file already holds the record without closing the sink.
          assertEquals(CockpitLogReader.Layout.JSON_LINES, CockpitLogReader.layout(file));
        }
      }
      assertEquals(log.asMap(), CockpitLogReader.read(file).asMap());
    }
    assertEquals(List.of("Loss"), CockpitLogReader.metadata(file).get("quantities"));
    // A run killed while writing leaves half a line: everything before it is still read.
    Files.writeString(
        file,
        "{\"step\": 11, \"val",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals(log.asMap(), CockpitLogReader.read(file).asMap());
  }

  @Test
  void readsTheStringFormsOfNonFiniteNumbers() {
    CockpitLog log =
        CockpitLogReader.parseOriginal(
            "{\"3\": {\"Alpha\": \"NaN\", \"GradNorm\": [\"Infinity\", \"-Infinity\", 1]}}");
    assertTrue(Double.isNaN((Double) log.get(3, "Alpha")));
    assertEquals(
        List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1L), log.get(3, "GradNorm"));
  }

  @Test
  void referenceEncodingWritesTensorObjects() {
    assertEquals(
        "{\"shape\":[3],\"dtype\":\"float64\",\"data\":[1.0,\"NaN\",2.0]}",
        LogValues.toReferenceJson(NdArray.float64(1, Double.NaN, 2)).toString());
    assertEquals(
        NdArray.float64(1, Double.NaN, 2),
        LogValues.fromJson(LogValues.toReferenceJson(NdArray.float64(1, Double.NaN, 2))));
  }
}
