package org.cockpit4j.conformance;

import org.cockpit4j.reference.Tolerance;

/**
 * One line of a conformance report: every value recorded under one key of one case, over all steps
 * and parameters.
 *
 * @param caseName the case
 * @param key e.g. {@code backpack.diag_h}, {@code params}, {@code cockpit.Alpha}
 * @param tolerance the rule {@code |a − b| ≤ atol + rtol·|b|}
 * @param count number of values compared
 * @param failures values outside the tolerance (or structural mismatches)
 * @param maxRelativeError the largest {@code |a − b| / |b|} over values with {@code b ≠ 0}
 * @param worstRatio the largest {@code |a − b| / (atol + rtol·|b|)}; at most 1 passes
 * @param detail where the worst value sits, or what did not match
 */
public record CheckRow(
    String caseName,
    String key,
    Tolerance tolerance,
    int count,
    int failures,
    double maxRelativeError,
    double worstRatio,
    String detail) {

  /** True when every value of the key is within its tolerance. */
  public boolean passed() {
    return failures == 0;
  }
}
