package org.cockpit4j.instruments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.cockpit4j.instrument.OutputKeys;
import org.cockpit4j.instrument.RunData;
import org.cockpit4j.instruments.testing.SyntheticLogs;
import org.cockpit4j.log.JsonLinesLog;
import org.cockpit4j.log.OriginalLogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogTest {

  @Test
  void tailsAJsonLinesLogAsTheRunWritesIt(@TempDir Path directory) throws Exception {
    Path run = directory.resolve("lr_0.1");
    Files.createDirectories(run);
    RunLog log = new RunLog(run);
    assertFalse(log.refresh(), "no log yet");
    JsonLinesLog sink =
        SyntheticLogs.writeJsonLines(run.resolve("cockpit.jsonl"), SyntheticLogs.healthy(3));
    assertTrue(log.refresh());
    RunData first = log.snapshot();
    assertEquals(2, first.lastStep());
    assertEquals("0.bias", first.parameterName(1));
    assertEquals("lr_0.1", first.name());
    assertFalse(log.refresh(), "nothing new");
    sink.write(3, Map.of("Loss", 0.25, "Parameters", java.util.List.of(1.0)));
    assertTrue(log.refresh());
    RunData second = log.snapshot();
    assertEquals(3, second.lastStep());
    assertEquals(0.25, second.latest(OutputKeys.LOSS).orElseThrow());
    assertFalse(second.log().values(3).containsKey("Parameters"), "Parameters are dropped");
    assertEquals(2, first.lastStep(), "snapshots do not change");
    Files.writeString(
        run.resolve("cockpit.jsonl"),
        "{\"step\":4,\"values\":{\"Loss\":0.2",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    log.refresh();
    assertEquals(3, log.snapshot().lastStep(), "a half-written line waits");
    Files.writeString(
        run.resolve("cockpit.jsonl"), "}}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertTrue(log.refresh());
    assertEquals(4, log.snapshot().lastStep());
    sink.close();
  }

  @Test
  void readsTheOriginalLayoutAndFindsLogsInRunDirectories(@TempDir Path directory) {
    Path original = directory.resolve("case.cockpit_log.json");
    OriginalLogFormat.write(SyntheticLogs.healthy(4), original);
    RunData run = RunLog.read(directory);
    assertEquals(3, run.lastStep());
    assertEquals("case", RunDirectory.name(original));
    assertThrows(IllegalArgumentException.class, () -> RunLog.read(directory.resolve("absent")));
    Path empty = directory.resolve("empty");
    empty.toFile().mkdirs();
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> RunLog.read(empty));
    assertTrue(error.getMessage().contains("cockpit.jsonl"), error.getMessage());
  }
}
