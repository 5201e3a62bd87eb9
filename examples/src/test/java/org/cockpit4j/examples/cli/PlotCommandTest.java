package org.cockpit4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cockpit4j.log.JsonLinesLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlotCommandTest {

  @Test
  void plotsARunDirectoryAndRejectsBadInput(@TempDir Path root) throws Exception {
    Path run = root.resolve("run");
    try (JsonLinesLog log = JsonLinesLog.create(run.resolve("cockpit.jsonl"), java.util.Map.of())) {
      for (int step = 0; step < 3; step++) {
        log.write(step, java.util.Map.of("Loss", 1.0 / (step + 1), "GradNorm", List.of(0.5, 0.1)));
      }
    }
    CommandLine cli = CockpitCli.commandLine();
    StringWriter errors = new StringWriter();
    cli.setErr(new PrintWriter(errors));
    assertEquals(0, cli.execute("plot", run.toString(), "--width", "900", "--height", "450"));
    assertTrue(Files.size(run.resolve("cockpit.png")) > 1000);
    assertTrue(Files.exists(run.resolve("diagnosis.json")));
    assertEquals(
        0,
        cli.execute(
            "plot",
            run.toString(),
            "--out",
            root.resolve("out/fig.svg").toString(),
            "--width",
            "900",
            "--height",
            "450"));
    assertTrue(Files.readString(root.resolve("out/fig.svg")).contains("<svg"));
    assertTrue(Files.exists(root.resolve("out/fig.diagnosis.txt")));
    assertEquals(CockpitCli.USAGE_ERROR, cli.execute("plot", root.resolve("absent").toString()));
    assertEquals(CockpitCli.USAGE_ERROR, cli.execute("plot", run.toString(), "--format", "gif"));
    assertTrue(errors.toString().contains("--format must be png, svg or both"), errors.toString());
  }
}
