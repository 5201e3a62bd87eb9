package org.cockpit4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cockpit4j.reference.ReferenceCases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cockpit check-reference}: rows, the closing line, exit codes and --write-actual. */
class CheckReferenceCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine commandLine = CockpitCli.commandLine();
      commandLine.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
      int code = commandLine.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
    }
  }

  private static Path smallestCase() throws Exception {
    Path directory = ReferenceCases.findDirectory().orElse(null);
    Assumptions.assumeTrue(directory != null, "no shared/reference directory");
    Path file = directory.resolve("case_logreg.json");
    Assumptions.assumeTrue(Files.isRegularFile(file), "case_logreg.json absent");
    return file;
  }

  @Test
  void aCaseThatMatchesPassesAndWritesTheActualValues(@TempDir Path temporary) throws Exception {
    Path file = smallestCase();
    Run run = run("check-reference", "--write-actual", temporary.toString(), file.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    String[] lines = run.out().strip().split("\n");
    assertTrue(lines[lines.length - 1].matches("\\d+ passed, 0 failed"), lines[lines.length - 1]);
    assertTrue(run.out().contains("backpack.diag_h"));
    JsonNode actual = JSON.readTree(temporary.resolve("case_logreg.actual.json").toFile());
    assertEquals("case_logreg", actual.get("case").asText());
    JsonNode step = actual.get("steps").get(0);
    assertTrue(step.get("backpack").has("batch_grad"));
    assertTrue(step.get("hessian").has("trace"));
    assertTrue(actual.has("final_params"));
  }

  @Test
  void aWrongRecordedValueFailsWithExitCodeOne(@TempDir Path temporary) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(smallestCase().toFile());
    ArrayNode data = (ArrayNode) root.get("steps").get(1).get("forward").get("outputs").get("data");
    data.set(0, data.get(0).asDouble() + 0.5);
    Path tampered = temporary.resolve("tampered.json");
    JSON.writeValue(tampered.toFile(), root);
    Run run = run("check-reference", tampered.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("forward.outputs"));
    assertTrue(run.out().contains("FAILED"), run.out());
    assertTrue(run.out().strip().endsWith("1 failed"), run.out());
  }

  @Test
  void unreadableInputIsAUsageErrorWithoutStackTrace(@TempDir Path temporary) throws Exception {
    Path broken = temporary.resolve("broken.json");
    Files.writeString(broken, "{\"format_version\": 1,");
    Run run = run("check-reference", broken.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("broken.json"), run.err());
    assertTrue(!run.err().contains("\tat "), run.err());
    Run missing = run("check-reference", temporary.resolve("absent.json").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("does not exist"), missing.err());
  }
}
