package org.cockpit4j.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActualCaseWriterTest {
  @TempDir Path directory;

  @Test
  void writesTheReferenceLayoutAndReadsBack() {
    TensorData weight = TensorData.of(Shape.of(2, 2), 1, 2, 3, Double.NaN);
    TensorData bias = TensorData.of(Shape.of(2), Double.POSITIVE_INFINITY, -0.25);
    ActualCaseWriter writer = new ActualCaseWriter("case_tiny").put("backend", "cpu");
    writer
        .step(1)
        .params(List.of(weight, bias))
        .forward(
            0.5, TensorData.of(Shape.of(2), 0.25, 0.75), TensorData.of(Shape.of(2, 2), 1, 2, 3, 4))
        .backpack("grad", List.of(weight, bias))
        .hessianTrace(Double.NEGATIVE_INFINITY)
        .cockpit("Loss", 0.5)
        .cockpit("GradNorm", new double[] {1.0, Double.NaN})
        .cockpitVariant("HessTrace", List.of(1.5, 2.5));
    Map<String, Object> histogram = new LinkedHashMap<>();
    histogram.put("hist", JsonValues.tensor(Shape.of(2), new long[] {3, 4}));
    histogram.put("edges", TensorData.of(Shape.of(3), -1, 0, 1));
    writer.step(0).cockpit("GradHist1d", histogram);
    writer.finalParams(List.of(weight, bias));
    Path file = directory.resolve("out/case_tiny.actual.json");
    writer.write(file);

    JsonNode document = ReferenceReader.readTree(file);
    assertEquals("case_tiny", document.get("case").asText());
    assertEquals("cpu", document.get("backend").asText());
    assertEquals(0, document.get("steps").get(0).get("global_step").asInt());
    JsonNode step = document.get("steps").get(1);
    assertEquals(1, step.get("global_step").asInt());
    assertEquals("-Infinity", step.get("hessian").get("trace").asText());
    assertEquals(0.5, step.get("forward").get("loss").asDouble());
    assertEquals("NaN", step.get("cockpit").get("GradNorm").get(1).asText());
    assertEquals(2.5, step.get("cockpit_variants").get("HessTrace").get(1).asDouble());
    JsonNode gradBias = step.get("backpack").get("grad").get(1);
    assertEquals("float64", gradBias.get("dtype").asText());
    assertEquals(bias, TensorData.fromJson(gradBias, "steps[1].backpack.grad[1]"));
    TensorData weightBack = TensorData.fromJson(step.get("params").get(0), "params[0]");
    assertTrue(Double.isNaN(weightBack.at(1, 1)));
    assertEquals(weight, weightBack);
    assertEquals(bias, TensorData.fromJson(document.get("final_params").get(1), "final_params"));
    JsonNode hist = document.get("steps").get(0).get("cockpit").get("GradHist1d").get("hist");
    assertEquals("int64", hist.get("dtype").asText());
    assertEquals(4, hist.get("data").get(1).asLong());
  }

  @Test
  void refusesValuesItCannotWrite() {
    ActualCaseWriter writer = new ActualCaseWriter("x");
    assertThrows(IllegalArgumentException.class, () -> writer.step(0).cockpit("Bad", new Object()));
    assertThrows(IllegalArgumentException.class, () -> writer.put("steps", 1));
    assertThrows(IllegalArgumentException.class, () -> writer.step(-1));
  }
}
