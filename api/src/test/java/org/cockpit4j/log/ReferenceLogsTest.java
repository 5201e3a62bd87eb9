package org.cockpit4j.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cockpit4j.reference.ReferenceCases;
import org.cockpit4j.reference.ReferenceReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The raw logs the original cockpit 1.0.2 wrote ({@code *.cockpit_log.json}) read into the values
 * of the cases' {@code steps[k].cockpit}, exactly; and what we write in the original layout reads
 * back to the same values.
 */
class ReferenceLogsTest {

  static Stream<Path> logs() {
    Optional<Path> directory = ReferenceCases.findDirectory();
    if (directory.isEmpty()) {
      return Stream.of(Path.of("missing.cockpit_log.json"));
    }
    try (Stream<Path> files = Files.list(directory.get())) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".cockpit_log.json"))
          .sorted()
          .toList()
          .stream();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("logs")
  void readsTheOriginalsLogIntoTheCaseValues(Path logFile) {
    assumeTrue(Files.isRegularFile(logFile), "reference logs not found");
    String caseFile = logFile.getFileName().toString().replace(".cockpit_log.json", ".json");
    JsonNode root = ReferenceReader.readTree(logFile.resolveSibling(caseFile));
    CockpitLog log = CockpitLogReader.read(logFile);
    assertEquals(CockpitLogReader.Layout.ORIGINAL, CockpitLogReader.layout(logFile));
    assertFalse(log.isEmpty());
    for (JsonNode step : root.get("steps")) {
      int k = step.get("global_step").asInt();
      Map<String, Object> values = log.values(k);
      JsonNode expected = step.get("cockpit");
      assertEquals(expected.size(), values.size(), "keys of step " + k);
      Iterator<String> names = expected.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        assertEquals(
            LogValues.fromJson(expected.get(name)),
            values.get(name),
            logFile.getFileName() + " step " + k + " " + name);
      }
    }
    assertEquals(
        log.asMap(), CockpitLogReader.parseOriginal(OriginalLogFormat.toJson(log)).asMap());
  }
}
