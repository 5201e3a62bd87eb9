package org.cockpit4j.instruments.diagnosis;

import java.util.List;

/**
 * What a rule concluded about a run, with the evidence.
 *
 * @param rule the rule's id (e.g. {@code steps-too-large})
 * @param severity how urgent
 * @param title a one-line headline
 * @param message what it means and what to try
 * @param evidence the observations (steps, values, layers)
 */
public record Finding(
    String rule, Severity severity, String title, String message, List<Evidence> evidence) {
  /** Copies. */
  public Finding {
    evidence = List.copyOf(evidence);
  }

  /** The headline with its severity, e.g. {@code [WARNING] Steps too large: ...}. */
  public String headline() {
    return "[" + severity + "] " + title;
  }
}
