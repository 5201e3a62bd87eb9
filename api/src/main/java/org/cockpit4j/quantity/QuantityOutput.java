package org.cockpit4j.quantity;

import java.util.Map;

/**
 * A value a quantity produced when it was tracked, and the step it belongs to (two-step quantities
 * store the value of step k when they are tracked at step k + 1).
 *
 * <p>Values are what the original's {@code get_output()} holds: a {@code Double} (a float), a
 * {@code List} of doubles (per parameter), nested lists, a {@code Map<String, Object>} (histograms)
 * or an {@link org.cockpit4j.log.NdArray}.
 *
 * @param step the step the value belongs to
 * @param value the value
 * @param extras additional log entries under their own keys, e.g. the number of Hessian-vector
 *     products of HessMaxEV; empty for most quantities
 */
public record QuantityOutput(int step, Object value, Map<String, Object> extras) {

  /** Copies the extras. */
  public QuantityOutput {
    if (value == null) {
      throw new IllegalArgumentException(
          "A quantity output needs a value; return no output instead");
    }
    extras = Map.copyOf(extras);
  }

  /** A value without extras. */
  public static QuantityOutput of(int step, Object value) {
    return new QuantityOutput(step, value, Map.of());
  }
}
