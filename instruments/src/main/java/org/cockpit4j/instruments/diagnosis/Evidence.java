package org.cockpit4j.instruments.diagnosis;

/**
 * One observation behind a finding.
 *
 * @param step the global step, or -1 when the observation spans steps
 * @param quantity the log key observed (e.g. {@code Alpha})
 * @param value the observed value (may be non-finite)
 * @param layer the parameter's name for layer-wise observations, or null
 * @param note what the value means (e.g. "first non-finite loss")
 */
public record Evidence(int step, String quantity, double value, String layer, String note) {
  /** Normalises nulls. */
  public Evidence {
    quantity = quantity == null ? "" : quantity;
    note = note == null ? "" : note;
  }

  /** Evidence at a step without a layer. */
  public static Evidence at(int step, String quantity, double value, String note) {
    return new Evidence(step, quantity, value, null, note);
  }

  /** One line of text, e.g. {@code step 12: Alpha = 0.83 (overshoot)}. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (step >= 0) {
      text.append("step ").append(step).append(": ");
    }
    if (layer != null) {
      text.append(layer).append(' ');
    }
    text.append(quantity).append(" = ").append(format(value));
    if (!note.isEmpty()) {
      text.append(" (").append(note).append(')');
    }
    return text.toString();
  }

  static String format(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity");
    }
    if (value != 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e4)) {
      return String.format(java.util.Locale.ROOT, "%.3e", value);
    }
    return String.format(java.util.Locale.ROOT, "%.4g", value);
  }
}
