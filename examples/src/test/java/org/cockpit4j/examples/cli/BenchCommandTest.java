package org.cockpit4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The overhead bench with {@code --breakdown} on the smallest problem, two timed steps; the
 * long-run bench on a few hundred steps.
 */
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

  /** Runs {@code cockpit ARGS}, returning the exit code and what it printed. */
  private static String[] execute(String... arguments) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      code = CockpitCli.commandLine().execute(arguments);
    } finally {
      System.setOut(original);
    }
    return new String[] {Integer.toString(code), captured.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void longRunReportsHeapAtStartAndEndAndALogBoundedByTheSchedule() throws Exception {
    String[] shorter = execute("bench", "--long-run", "400", "--json");
    String[] longer = execute("bench", "--long-run", "1600", "--json");
    for (String[] run : new String[][] {shorter, longer}) {
      assertEquals("0", run[0], run[1]);
      assertTrue(run[1].contains("heap after GC"), run[1]);
    }
    JsonNode first = lastJsonLine(shorter[1]);
    JsonNode second = lastJsonLine(longer[1]);
    assertEquals(400, first.get("long_run_steps").asInt());
    assertEquals(1600, second.get("long_run_steps").asInt());
    for (String key : new String[] {"heap_start_bytes", "heap_end_bytes", "peak_heap_bytes"}) {
      assertTrue(second.get(key).asLong() > 0, key + " in " + second);
    }
    // The logarithmic schedule's points past step 400 are few: four times the steps, far less
    // than four times the Cockpit log (metrics.jsonl has one line per step and grows with them).
    assertTrue(
        second.get("cockpit_jsonl_bytes").asLong() < 2 * first.get("cockpit_jsonl_bytes").asLong(),
        first + " vs " + second);
    assertTrue(
        second.get("metrics_jsonl_bytes").asLong() > 3 * first.get("metrics_jsonl_bytes").asLong(),
        first + " vs " + second);
  }

  @Test
  void longRunRejectsANonPositiveStepCount() {
    String[] run = execute("bench", "--long-run", "0");
    assertEquals("2", run[0], run[1]);
  }

  private static JsonNode lastJsonLine(String text) throws Exception {
    String[] lines = text.strip().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }
}
