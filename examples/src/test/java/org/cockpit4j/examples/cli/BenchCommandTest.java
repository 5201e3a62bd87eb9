package org.cockpit4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The overhead bench with {@code --breakdown} on the smallest problem, two timed steps. */
class BenchCommandTest {

  @Test
  void breakdownListsTheCockpitPhasesUnderTheBackwardStrategy() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      code =
          CockpitCli.commandLine()
              .execute(
                  "bench",
                  "--problem",
                  "logreg",
                  "--config",
                  "economy",
                  "--steps",
                  "2",
                  "--warmup",
                  "1",
                  "--warmup-seconds",
                  "0",
                  "--threads",
                  "1",
                  "--breakdown",
                  "--json");
    } finally {
      System.setOut(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text);
    assertTrue(text.contains("Breakdown (median ms per step"), text);
    String[] lines = text.strip().split("\n");
    JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertTrue(result.get("ratio").asDouble() > 0, text);
    JsonNode phases = result.get("breakdown_ms");
    for (String phase :
        new String[] {
          "step",
          "forward + loss",
          "backward strategy",
          "backward strategy / backward",
          "backward strategy / backward / rule batch_dot",
          "backward strategy / backward / rule cockpit_per_sample / transform GradHist1d",
          "backward strategy / quantity Alpha",
          "optimizer step"
        }) {
      assertTrue(phases.has(phase), phase + " missing in " + phases);
    }
  }
}
