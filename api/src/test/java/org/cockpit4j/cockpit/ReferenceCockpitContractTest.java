package org.cockpit4j.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.log.LogValues;
import org.cockpit4j.reference.ReferenceCase;
import org.cockpit4j.reference.ReferenceCases;
import org.cockpit4j.reference.ReferenceReader;
import org.cockpit4j.reference.ReferenceStep;
import org.cockpit4j.reference.Tolerance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every reference case with {@link ReferenceCockpitRun} and compares EVERY quantity of
 * every step, main and variant cockpit, with the original's values at FORMAT.md §8's tolerances:
 * histograms' counts exactly and edges to 1e-12; HessMaxEV against the exact {@code
 * hessian.eig_abs_max} (1e-6 relative) and the variant against {@code hessian.eig_max} (1e-5); the
 * stored keys of each step and the refused quantities exactly. Nothing is case-specific: every
 * {@code *.json} case file of the reference directory is replayed. Skipped when the directory is
 * missing.
 */
public abstract class ReferenceCockpitContractTest {
  private static final Tolerance EXACT = new Tolerance(0, 0);
  private static final Tolerance EDGES = new Tolerance(1e-12, 1e-12);
  private static final Tolerance EIGENVALUE = new Tolerance(1e-6, 0);
  private static final Tolerance VARIANT_EIGENVALUE = new Tolerance(1e-5, 0);

  /** The backend under test. */
  protected abstract Backend backend();

  static Stream<Path> cases() {
    Optional<Path> directory = ReferenceCases.findDirectory();
    if (directory.isEmpty()) {
      return Stream.of(Path.of("reference-directory-missing"));
    }
    return ReferenceCases.caseFiles(directory.get()).stream();
  }

  /** The tolerance of a quantity's values (FORMAT.md §8). */
  static Tolerance tolerance(String quantity) {
    switch (quantity) {
      case "NormTest":
      case "InnerTest":
      case "OrthoTest":
      case "EarlyStopping":
        return Tolerance.GRADIENT_TEST;
      case "TICDiag":
      case "Alpha":
        return Tolerance.TIC_DIAG_AND_ALPHA;
      default:
        return Tolerance.QUANTITY;
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void reproducesEveryQuantityOfTheOriginal(Path file) {
    assumeTrue(file.toFile().isFile(), "reference cases not found");
    ReferenceCase reference = ReferenceReader.read(file);
    ReferenceCockpitRun.Result result = ReferenceCockpitRun.run(backend(), reference);
    List<String> failures = new ArrayList<>();
    assertEquals(
        new TreeSet<>(reference.refusedQuantities().keySet()),
        new TreeSet<>(result.refusedQuantities().keySet()),
        reference.name() + ": refused quantities");
    for (int k = 0; k < reference.numSteps(); k++) {
      ReferenceStep step = reference.step(k);
      compareStep(
          reference.name() + " step " + k,
          step.cockpit(),
          result.cockpit().get(k),
          step.hessian().eigAbsMax(),
          EIGENVALUE,
          failures);
      if (step.cockpitVariants() != null) {
        compareStep(
            reference.name() + " step " + k + " variant",
            step.cockpitVariants(),
            result.variants().get(k),
            step.hessian().eigMax(),
            VARIANT_EIGENVALUE,
            failures);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " mismatches:\n" + String.join("\n", failures));
    }
  }

  private static void compareStep(
      String where,
      JsonNode expected,
      Map<String, JsonNode> actual,
      double exactEigenvalue,
      Tolerance eigenvalueTolerance,
      List<String> failures) {
    TreeSet<String> expectedKeys = new TreeSet<>();
    expected.fieldNames().forEachRemaining(expectedKeys::add);
    if (!expectedKeys.equals(new TreeSet<>(actual.keySet()))) {
      failures.add(
          where + ": keys " + new TreeSet<>(actual.keySet()) + ", expected " + expectedKeys);
    }
    for (String key : expectedKeys) {
      JsonNode value = actual.get(key);
      if (value == null) {
        continue;
      }
      String path = where + " " + key;
      switch (key) {
        case "HessMaxEV" ->
            compareNumber(
                path + " vs exact", value, exactEigenvalue, eigenvalueTolerance, failures);
        case "GradHist1d", "GradHist2d" ->
            compareHistogram(path, value, expected.get(key), failures);
        default -> compare(path, value, expected.get(key), tolerance(key), failures);
      }
    }
  }

  private static void compareHistogram(
      String path, JsonNode actual, JsonNode expected, List<String> failures) {
    Iterator<String> keys = expected.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!actual.has(key)) {
        failures.add(path + ": no " + key);
        continue;
      }
      boolean counts = key.equals("hist") || key.startsWith("param_");
      compare(
          path + "." + key, actual.get(key), expected.get(key), counts ? EXACT : EDGES, failures);
    }
  }

  private static void compareNumber(
      String path, JsonNode actual, double expected, Tolerance tolerance, List<String> failures) {
    double value = LogValues.number(actual);
    if (!tolerance.isClose(value, expected)) {
      failures.add(path + ": " + value + ", expected " + expected + " (" + tolerance + ")");
    }
  }

  /** Structural comparison: tensor objects, lists, objects and numbers. */
  static void compare(
      String path, JsonNode actual, JsonNode expected, Tolerance tolerance, List<String> failures) {
    if (expected.isObject() && expected.has("data") && expected.has("shape")) {
      if (!actual.isObject() || !actual.has("data")) {
        failures.add(path + ": expected a tensor object, got " + abbreviate(actual));
        return;
      }
      if (!actual.get("shape").equals(expected.get("shape"))) {
        failures.add(
            path + ": shape " + actual.get("shape") + ", expected " + expected.get("shape"));
        return;
      }
      compare(path, actual.get("data"), expected.get("data"), tolerance, failures);
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        failures.add(
            path + ": expected a list of " + expected.size() + ", got " + abbreviate(actual));
        return;
      }
      int reported = 0;
      for (int i = 0; i < expected.size() && reported < 5; i++) {
        int before = failures.size();
        compare(path + "[" + i + "]", actual.get(i), expected.get(i), tolerance, failures);
        reported += failures.size() - before;
      }
    } else if (expected.isObject()) {
      Iterator<String> keys = expected.fieldNames();
      while (keys.hasNext()) {
        String key = keys.next();
        if (!actual.has(key)) {
          failures.add(path + ": no key " + key);
        } else {
          compare(path + "." + key, actual.get(key), expected.get(key), tolerance, failures);
        }
      }
    } else {
      double want = LogValues.number(expected);
      double got;
      try {
        got = LogValues.number(actual);
      } catch (IllegalArgumentException e) {
        failures.add(path + ": expected a number, got " + abbreviate(actual));
        return;
      }
      if (!tolerance.isClose(got, want)) {
        failures.add(path + ": " + got + ", expected " + want + " (" + tolerance + ")");
      }
    }
  }

  private static String abbreviate(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
