package org.cockpit4j.instruments.diagnosis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule concluded about a run, with the evidence.
 *
 * @param rule the rule's id (e.g. {@code steps-too-large})
 * @param severity how urgent
 * @param title a one-line headline
 * @param message what it means and what to try
 * @param evidence the observations (steps, values, layers)
 * @param facts machine-readable conclusions, written as keys of the finding in {@code
 *     diagnosis.json} (e.g. {@code first_nonfinite_layer}); values are strings, numbers or lists of
 *     strings, in insertion order
 */
public record Finding(
    String rule,
    Severity severity,
    String title,
    String message,
    List<Evidence> evidence,
    Map<String, Object> facts) {
  /** Copies. */
  public Finding {
    evidence = List.copyOf(evidence);
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /** A finding without facts. */
  public Finding(
      String rule, Severity severity, String title, String message, List<Evidence> evidence) {
    this(rule, severity, title, message, evidence, Map.of());
  }

  /** The headline with its severity, e.g. {@code [WARNING] Steps too large: ...}. */
  public String headline() {
    return "[" + severity + "] " + title;
  }
}
