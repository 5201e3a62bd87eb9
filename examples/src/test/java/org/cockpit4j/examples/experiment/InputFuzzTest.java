package org.cockpit4j.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cockpit4j.examples.experiment.config.ConfigException;
import org.cockpit4j.examples.experiment.config.ExperimentFile;
import org.cockpit4j.examples.experiment.config.ExperimentLoader;
import org.cockpit4j.examples.experiment.config.ExperimentPoint;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.CockpitLogReader;
import org.cockpit4j.log.JsonLinesLog;
import org.cockpit4j.log.NdArray;
import org.cockpit4j.log.OriginalLogFormat;

/**
 * Fuzzes the YAML loader (and the validator behind it) and both log readers with small random and
 * mutated inputs: each either succeeds or fails with the documented exception ({@link
 * ConfigException} for experiment files, {@link IllegalArgumentException} for logs), within a
 * bounded time, never with anything else (no NullPointerException, ClassCastException, stack
 * overflow or hang). Tries are bounded (a few hundred per property, inputs below a few hundred
 * characters) so the whole class runs in seconds.
 */
class InputFuzzTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final PluginCatalog CATALOG = PluginCatalog.discover(null);

  private static final String VALID_YAML =
      """
      name: fuzz
      seed: 1
      dtype: float64
      data:
        dataset: {type: class_templates, shape: [1, 4, 4], classes: 3, samples: 32}
        batch_size: 8
      model:
        layers:
          - {type: flatten}
          - {type: linear, in: 16, out: 3}
      loss: cross_entropy
      optimizer: {type: sgd, lr: 0.1, momentum: 0.9}
      training: {steps: 3, on_divergence: continue}
      cockpit:
        preset: economy
        schedule: {interval: 2}
        quantities:
          - {type: HessMaxEV, options: {use_power: true}}
      evaluation: {every: 0}
      output: {figure: false, figure_every: 0}
      sweep: {optimizer.lr: [0.1, 0.2]}
      """;

  private static final List<String> YAML_TOKENS =
      List.of(
          "name",
          "data",
          "dataset",
          "type",
          "batch_size",
          "model",
          "layers",
          "linear",
          "in",
          "out",
          "optimizer",
          "lr",
          "training",
          "steps",
          "epochs",
          "on_divergence",
          "stop",
          "cockpit",
          "preset",
          "quantities",
          "schedule",
          "interval",
          "sweep",
          "seed",
          "dtype",
          "float32",
          "output",
          "evaluation",
          "every",
          ":",
          ": ",
          "{",
          "}",
          "[",
          "]",
          ",",
          "-",
          "- ",
          "\n",
          "\n  ",
          "  ",
          "\"",
          "'",
          "&a",
          "*a",
          "!!int",
          "!!str",
          "|",
          ">",
          "#",
          "~",
          "null",
          "true",
          "0",
          "-1",
          "1e309",
          ".nan",
          ".inf",
          "3",
          "0.5",
          "?",
          "%",
          "<<",
          "\t",
          "\\u0000",
          "relu",
          "conv2d",
          "flatten",
          "class_templates",
          "sgd",
          "adam");

  /** A valid file with a few characters deleted, replaced or inserted. */
  @Provide
  Arbitrary<String> mutatedYaml() {
    return mutations(VALID_YAML, Arbitraries.of(YAML_TOKENS));
  }

  /** A random sequence of YAML-ish tokens and keys. */
  @Provide
  Arbitrary<String> tokenYaml() {
    return Arbitraries.of(YAML_TOKENS).list().ofMaxSize(60).map(tokens -> String.join("", tokens));
  }

  @Property(tries = 250, seed = "20261127")
  void mutatedExperimentFilesFailOnlyWithAConfigException(@ForAll("mutatedYaml") String yaml) {
    loadAndValidate(yaml);
  }

  @Property(tries = 250, seed = "20261127")
  void randomExperimentFilesFailOnlyWithAConfigException(@ForAll("tokenYaml") String yaml) {
    loadAndValidate(yaml);
  }

  private static void loadAndValidate(String yaml) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          try {
            ExperimentFile file = ExperimentLoader.parse("fuzz.yaml", "fuzz", yaml, List.of());
            for (ExperimentPoint point : file.points()) {
              ExperimentValidator.validate(point, CATALOG);
            }
          } catch (ConfigException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
              throw new AssertionError("a ConfigException without a message", expected);
            }
          }
        },
        () -> "input:\n" + yaml);
  }

  // ---------------------------------------------------------------- logs

  private static final List<String> JSON_TOKENS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\"step\"",
          "\"values\"",
          "\"Loss\"",
          "\"__ndarray__\"",
          "\"shape\"",
          "\"dtype\"",
          "\"float64\"",
          "\"int64\"",
          "\"Corder\"",
          "\"cockpit4j_log\"",
          "\"metadata\"",
          "NaN",
          "Infinity",
          "-Infinity",
          "\"NaN\"",
          "0",
          "1",
          "-3",
          "1e400",
          "2.5",
          "true",
          "null",
          "\"x\"",
          "\n",
          " ",
          "\"0\"",
          "\"7\"",
          "\"-1\"",
          "99999999999");

  @Provide
  Arbitrary<String> tokenJson() {
    return Arbitraries.of(JSON_TOKENS).list().ofMaxSize(60).map(tokens -> String.join("", tokens));
  }

  @Provide
  Arbitrary<String> mutatedJsonLines() {
    return mutations(validJsonLines(), Arbitraries.of(JSON_TOKENS));
  }

  @Provide
  Arbitrary<String> mutatedOriginal() {
    return mutations(OriginalLogFormat.toJson(sampleLog()), Arbitraries.of(JSON_TOKENS));
  }

  @Property(tries = 250, seed = "20261127")
  void mutatedJsonLinesLogsFailOnlyWithIllegalArgument(@ForAll("mutatedJsonLines") String text) {
    readFile(text);
  }

  @Property(tries = 250, seed = "20261127")
  void mutatedOriginalLogsFailOnlyWithIllegalArgument(@ForAll("mutatedOriginal") String text) {
    readFile(text);
    readOriginal(text);
  }

  @Property(tries = 250, seed = "20261127")
  void randomLogsFailOnlyWithIllegalArgument(@ForAll("tokenJson") String text) {
    readFile(text);
    readOriginal(text);
  }

  private static void readFile(String text) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          Path file = Files.createTempFile("fuzz", ".jsonl");
          try {
            Files.writeString(file, text);
            CockpitLogReader.read(file);
          } catch (IllegalArgumentException expected) {
            // the documented format error
          } finally {
            Files.deleteIfExists(file);
          }
        },
        () -> "input:\n" + text);
  }

  private static void readOriginal(String text) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          try {
            CockpitLogReader.parseOriginal(text);
          } catch (IllegalArgumentException expected) {
            // the documented format error
          }
        },
        () -> "input:\n" + text);
  }

  private static CockpitLog sampleLog() {
    CockpitLog log = new CockpitLog();
    log.put(0, "Loss", 1.5);
    log.put(0, "GradNorm", List.of(0.5, Double.POSITIVE_INFINITY));
    log.put(1, "Alpha", Double.NaN);
    log.put(
        1, "GradHist1d", Map.of("hist", NdArray.float64(1, 2, 3), "edges", NdArray.float64(0, 1)));
    log.put(2, "learning_rate", 0.1);
    return log;
  }

  private static String validJsonLines() {
    try {
      Path file = Files.createTempFile("fuzz-seed", ".jsonl");
      try (JsonLinesLog log = JsonLinesLog.create(file, Map.of("experiment", "fuzz"))) {
        sampleLog().steps().forEach((step, values) -> log.write(step, values));
      }
      String text = Files.readString(file);
      Files.delete(file);
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code seed} with one to four edits: delete a span, replace a span, or insert a token. */
  private static Arbitrary<String> mutations(String seed, Arbitrary<String> tokens) {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, seed.length()),
                Arbitraries.integers().between(0, 12),
                tokens)
            .as(Edit::new);
    return edit.list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(
            edits -> {
              String text = seed;
              for (Edit one : edits) {
                text = one.apply(text);
              }
              return text;
            });
  }

  private record Edit(int kind, int position, int length, String token) {
    String apply(String text) {
      int at = Math.min(position, text.length());
      int end = Math.min(text.length(), at + length);
      return switch (kind) {
        case 0 -> text.substring(0, at) + text.substring(end);
        case 1 -> text.substring(0, at) + token + text.substring(end);
        default -> text.substring(0, at) + token + text.substring(at);
      };
    }
  }
}
