package org.cockpit4j.reference;

import java.util.Locale;

/**
 * The outcome of {@link Tolerance#compare}: how many values were outside the tolerance and the
 * worst one.
 *
 * @param tolerance the rule applied
 * @param count number of values compared
 * @param failures number of values outside {@code atol + rtol·|expected|}
 * @param worstIndex flat index of the value with the largest {@link Tolerance#ratio} (-1 when no
 *     values were compared)
 * @param worstActual the actual value there
 * @param worstExpected the expected value there
 * @param worstRatio its {@code |a − b| / (atol + rtol·|b|)} (≤ 1 means close)
 * @param maxAbsoluteError the largest {@code |a − b|}
 * @param maxRelativeError the largest {@code |a − b| / |b|} over values with {@code b ≠ 0} (values
 *     expected to be exactly 0 show up in the absolute error only)
 */
public record ToleranceReport(
    Tolerance tolerance,
    int count,
    int failures,
    int worstIndex,
    double worstActual,
    double worstExpected,
    double worstRatio,
    double maxAbsoluteError,
    double maxRelativeError) {

  /** True when every value is within the tolerance. */
  public boolean passed() {
    return failures == 0;
  }

  /**
   * One line for logs and assertion messages, e.g. {@code "steps[0].backpack.grad[1]: 0 of 8
   * outside |a−b| ≤ 1e-13 + 1e-10·|b|; max relative error 2.1e-15; worst [3]: actual ..., expected
   * ... (ratio 0.02)"}.
   */
  public String describe(String what) {
    String head =
        String.format(
            Locale.ROOT,
            "%s: %d of %d outside |a−b| ≤ %.3g + %.3g·|b|; max relative error %.3g,"
                + " max absolute error %.3g",
            what,
            failures,
            count,
            tolerance.atol(),
            tolerance.rtol(),
            maxRelativeError,
            maxAbsoluteError);
    if (worstIndex < 0) {
      return head;
    }
    return head
        + String.format(
            Locale.ROOT,
            "; worst [%d]: actual %s, expected %s (ratio %.3g)",
            worstIndex,
            Double.toString(worstActual),
            Double.toString(worstExpected),
            worstRatio);
  }

  @Override
  public String toString() {
    return describe("comparison");
  }
}
