package org.cockpit4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cockpit run} and {@code cockpit list}: exit codes 0, 1, 2 and their messages. */
class RunCommandTest {
  private static final String TINY =
      """
      name: tiny
      data:
        dataset: {type: class_templates}
        batch_size: 8
      model:
        layers: [{type: flatten}, {type: linear, in: 64, out: 4}]
      loss: cross_entropy
      optimizer: {type: sgd, lr: 0.1}
      training: {steps: 3}
      cockpit: {preset: economy}
      """;

  @TempDir Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = CockpitCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path file(String text) throws Exception {
    Path file = directory.resolve("test.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aGoodRunExitsWithZeroAndWritesItsOutputs() throws Exception {
    Path out = directory.resolve("out");
    int code =
        execute("run", file(TINY).toString(), "--out", out.toString(), "--steps", "2", "--quiet");
    assertEquals(0, code, err.toString());
    assertTrue(Files.exists(out.resolve("provenance.json")));
    assertTrue(Files.readString(out.resolve("summary.json")).contains("\"steps\" : 2"));
  }

  @Test
  void aConfigurationMistakeExitsWithTwoNamingFileLineAndKey() throws Exception {
    int code =
        execute("run", file(TINY.replace("batch_size: 8", "batch_size: 0")).toString(), "--quiet");
    assertEquals(2, code);
    assertTrue(err.toString().contains("test.yaml:4:15: data.batch_size:"), err.toString());
    assertTrue(err.toString().contains("Fix:"), err.toString());
    assertEquals(2, execute("run", directory.resolve("missing.yaml").toString()));
    assertEquals(2, execute("run", file(TINY).toString(), "--steps", "0"));
    assertEquals(2, execute("run", file(TINY).toString(), "--set", "optimizer.lr"));
  }

  @Test
  void aRunThatFailsExitsWithOne() throws Exception {
    // CABS refuses Adam; in strict mode that stops the run.
    String failing =
        TINY.replace("{type: sgd, lr: 0.1}", "{type: adam, lr: 0.01}")
            .replace(
                "cockpit: {preset: economy}",
                "cockpit: {strict: true, quantities: [{type: CABS}]}");
    int code =
        execute(
            "run",
            file(failing).toString(),
            "--out",
            directory.resolve("failed").toString(),
            "--quiet");
    assertEquals(1, code, err.toString());
    assertTrue(err.toString().contains("failed at step 0"), err.toString());
    assertTrue(
        Files.readString(directory.resolve("failed/provenance.json")).contains("\"failed\""));
  }

  @Test
  void checkValidatesEverySweepPointWithoutTraining() throws Exception {
    int code =
        execute("run", file(TINY + "sweep: {optimizer.lr: [0.1, 0.2]}\n").toString(), "--check");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("ok: tiny [lr=0.1]"), out.toString());
    assertTrue(out.toString().contains("ok: tiny [lr=0.2]"), out.toString());
    assertEquals(2, execute("run", file(TINY).toString(), "--check", "--only", "nothing"));
  }

  @Test
  void listShowsWhatExperimentFilesCanName() {
    assertEquals(0, execute("list", "--plugins", directory.toString()));
    String text = out.toString();
    for (String expected :
        new String[] {
          "cpu",
          "available",
          "HessMaxEV",
          "economy",
          "conv2d",
          "fmnist_2c2d",
          "fashion_mnist",
          "noisy_quadratic",
          "Plugins directory"
        }) {
      assertTrue(text.contains(expected), expected + " in\n" + text);
    }
  }

  @Test
  void everyCommandHasHelp() {
    assertEquals(0, execute("run", "--help"));
    assertTrue(out.toString().contains("EXPERIMENT.yaml"));
    assertEquals(0, execute("list", "--help"));
    assertEquals(0, execute("--help"));
    assertTrue(out.toString().contains("run"));
  }
}
