package org.cockpit4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cockpit4j.log.LogValues;
import org.cockpit4j.reference.ReferenceCase;
import org.cockpit4j.reference.ReferenceStep;
import org.cockpit4j.reference.Tolerance;
import org.cockpit4j.tensor.DType;

/**
 * Compares the Cockpit's replay of a reference case ({@link ReferenceCockpitRun}) with the case's
 * {@code cockpit} and {@code cockpit_variants} sections: one {@link CheckRow} per (section,
 * quantity) over all steps, plus the stored keys of every step and the refused quantities.
 * Tolerances are FORMAT.md §8's: histogram counts exactly and edges to 1e-12; HessMaxEV against the
 * exact {@code hessian.eig_abs_max} at 1e-6 relative (the variant, ARPACK's largest algebraic
 * eigenvalue, against {@code hessian.eig_max} at 1e-5). A float32 replay is held to relative 1e-2 /
 * absolute 1e-4 (histogram counts may move between neighbouring bins, so only their totals are
 * compared).
 */
public final class CockpitCheck {
  private static final Tolerance EXACT = new Tolerance(0, 0);
  private static final Tolerance EDGES = new Tolerance(1e-12, 1e-12);
  private static final Tolerance EIGENVALUE = new Tolerance(1e-6, 0);
  private static final Tolerance VARIANT_EIGENVALUE = new Tolerance(1e-5, 0);
  private static final Tolerance SINGLE_PRECISION = new Tolerance(1e-2, 1e-4);

  private final ReferenceCase expected;
  private final boolean singlePrecision;
  private final Map<String, KeyComparison> keys = new LinkedHashMap<>();

  private CockpitCheck(ReferenceCase expected, DType dtype) {
    this.expected = expected;
    this.singlePrecision = dtype == DType.FLOAT32;
  }

  /** The rows of comparing a replay in {@code dtype} with the case's recorded quantities. */
  public static List<CheckRow> compare(
      ReferenceCase expected, ReferenceCockpitRun.Result actual, DType dtype) {
    CockpitCheck check = new CockpitCheck(expected, dtype);
    check.run(actual);
    List<CheckRow> rows = new ArrayList<>();
    check.keys.values().forEach(key -> rows.add(key.row()));
    return rows;
  }

  /** The tolerance of a quantity's values in a float64 replay (FORMAT.md §8). */
  public static Tolerance tolerance(String quantity) {
    return switch (quantity) {
      case "NormTest", "InnerTest", "OrthoTest", "EarlyStopping" -> Tolerance.GRADIENT_TEST;
      case "TICDiag", "Alpha" -> Tolerance.TIC_DIAG_AND_ALPHA;
      default -> Tolerance.QUANTITY;
    };
  }

  private KeyComparison key(String key, Tolerance tolerance) {
    return keys.computeIfAbsent(key, name -> new KeyComparison(expected.name(), name, tolerance));
  }

  private void run(ReferenceCockpitRun.Result actual) {
    KeyComparison refused = key("cockpit.refused_quantities", EXACT);
    TreeSet<String> expectedRefused = new TreeSet<>(expected.refusedQuantities().keySet());
    TreeSet<String> actualRefused = new TreeSet<>(actual.refusedQuantities().keySet());
    if (expectedRefused.equals(actualRefused)) {
      refused.compare("cockpit.refused_quantities", 0, 0);
    } else {
      refused.mismatch(
          "cockpit.refused_quantities",
          "refused " + actualRefused + ", expected " + expectedRefused);
    }
    for (int k = 0; k < expected.numSteps(); k++) {
      ReferenceStep step = expected.step(k);
      if (step.cockpit() != null && k < actual.cockpit().size()) {
        compareSection(
            "cockpit",
            "steps[" + k + "].cockpit",
            step.cockpit(),
            actual.cockpit().get(k),
            step.hessian() == null ? Double.NaN : step.hessian().eigAbsMax(),
            EIGENVALUE);
      }
      if (step.cockpitVariants() != null && k < actual.variants().size()) {
        compareSection(
            "cockpit_variants",
            "steps[" + k + "].cockpit_variants",
            step.cockpitVariants(),
            actual.variants().get(k),
            step.hessian() == null ? Double.NaN : step.hessian().eigMax(),
            VARIANT_EIGENVALUE);
      }
    }
  }

  private void compareSection(
      String section,
      String where,
      JsonNode expectedValues,
      Map<String, JsonNode> actualValues,
      double exactEigenvalue,
      Tolerance eigenvalueTolerance) {
    TreeSet<String> expectedKeys = new TreeSet<>();
    expectedValues.fieldNames().forEachRemaining(expectedKeys::add);
    KeyComparison stored = key(section + " stored keys", EXACT);
    if (expectedKeys.equals(new TreeSet<>(actualValues.keySet()))) {
      stored.compare(where, expectedKeys.size(), expectedKeys.size());
    } else {
      stored.mismatch(
          where, "keys " + new TreeSet<>(actualValues.keySet()) + ", expected " + expectedKeys);
    }
    for (String quantity : expectedKeys) {
      JsonNode value = actualValues.get(quantity);
      String path = where + "." + quantity;
      String key = section + "." + quantity;
      if (value == null) {
        key(key, tolerance(quantity)).mismatch(path, "not computed");
        continue;
      }
      switch (quantity) {
        case "HessMaxEV" -> {
          Tolerance tolerance = singlePrecision ? SINGLE_PRECISION : eigenvalueTolerance;
          if (Double.isNaN(exactEigenvalue)) {
            key(key, tolerance).mismatch(path, "the case records no hessian to compare with");
          } else {
            key(key, tolerance)
                .compare(path + " vs exact eigenvalue", LogValues.number(value), exactEigenvalue);
          }
        }
        case "GradHist1d", "GradHist2d" ->
            compareHistogram(key, path, value, expectedValues.get(quantity));
        default -> {
          Tolerance tolerance = singlePrecision ? SINGLE_PRECISION : tolerance(quantity);
          compareNumbers(key(key, tolerance), path, value, expectedValues.get(quantity));
        }
      }
    }
  }

  private void compareHistogram(String key, String path, JsonNode actual, JsonNode expected) {
    Iterator<String> names = expected.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      boolean counts = name.equals("hist") || name.startsWith("param_");
      String part = key + (counts ? " counts" : " edges");
      KeyComparison comparison = key(part, counts ? EXACT : EDGES);
      if (!actual.has(name)) {
        comparison.mismatch(path + "." + name, "missing");
      } else if (counts && singlePrecision) {
        compareTotals(comparison, path + "." + name, actual.get(name), expected.get(name));
      } else {
        compareNumbers(comparison, path + "." + name, actual.get(name), expected.get(name));
      }
    }
  }

  private static void compareTotals(
      KeyComparison comparison, String where, JsonNode actual, JsonNode expected) {
    List<Double> actualValues = new ArrayList<>();
    List<Double> expectedValues = new ArrayList<>();
    String problem = flatten(actual, expected, actualValues, expectedValues);
    if (problem != null) {
      comparison.mismatch(where, problem);
      return;
    }
    double actualTotal = actualValues.stream().mapToDouble(Double::doubleValue).sum();
    double expectedTotal = expectedValues.stream().mapToDouble(Double::doubleValue).sum();
    comparison.compare(where + " (total count)", actualTotal, expectedTotal);
  }

  /** Structural comparison of tensor objects, lists, objects and numbers. */
  private static void compareNumbers(
      KeyComparison comparison, String where, JsonNode actual, JsonNode expected) {
    List<Double> actualValues = new ArrayList<>();
    List<Double> expectedValues = new ArrayList<>();
    String problem = flatten(actual, expected, actualValues, expectedValues);
    if (problem != null) {
      comparison.mismatch(where, problem);
      return;
    }
    comparison.compare(
        where,
        actualValues.stream().mapToDouble(Double::doubleValue).toArray(),
        expectedValues.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Collects the numbers of both trees in order; returns what does not match structurally. */
  private static String flatten(
      JsonNode actual, JsonNode expected, List<Double> actualValues, List<Double> expectedValues) {
    if (expected.isObject() && expected.has("data") && expected.has("shape")) {
      if (!actual.isObject() || !actual.has("data")) {
        return "expected a tensor object, got " + abbreviate(actual);
      }
      if (!actual.get("shape").equals(expected.get("shape"))) {
        return "shape " + actual.get("shape") + ", expected " + expected.get("shape");
      }
      return flatten(actual.get("data"), expected.get("data"), actualValues, expectedValues);
    }
    if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        return "expected a list of " + expected.size() + ", got " + abbreviate(actual);
      }
      for (int i = 0; i < expected.size(); i++) {
        String problem = flatten(actual.get(i), expected.get(i), actualValues, expectedValues);
        if (problem != null) {
          return "[" + i + "]: " + problem;
        }
      }
      return null;
    }
    if (expected.isObject()) {
      Iterator<String> names = expected.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!actual.has(name)) {
          return "no key " + name;
        }
        String problem =
            flatten(actual.get(name), expected.get(name), actualValues, expectedValues);
        if (problem != null) {
          return "." + name + ": " + problem;
        }
      }
      return null;
    }
    try {
      actualValues.add(LogValues.number(actual));
    } catch (IllegalArgumentException e) {
      return "expected a number, got " + abbreviate(actual);
    }
    expectedValues.add(LogValues.number(expected));
    return null;
  }

  private static String abbreviate(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
