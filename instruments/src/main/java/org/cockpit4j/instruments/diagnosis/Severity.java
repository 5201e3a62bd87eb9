package org.cockpit4j.instruments.diagnosis;

/** How urgent a finding is, most urgent first. */
public enum Severity {
  /** Training is broken (diverged, no gradient). */
  CRITICAL,
  /** Training works but is likely inefficient or unstable. */
  WARNING,
  /** Worth knowing. */
  INFO
}
