package org.cockpit4j.reference;

/**
 * The {@code loss} object.
 *
 * @param type {@code cross_entropy} or {@code mse}
 * @param reduction {@code mean}
 * @param individualLosses the file's description of the per-sample losses (may be null)
 */
public record LossSpec(String type, String reduction, String individualLosses) {

  /** True for {@code cross_entropy} (labels are class indices). */
  public boolean isCrossEntropy() {
    return type.equals("cross_entropy");
  }

  static LossSpec parse(JsonCursor cursor) {
    JsonCursor individual = cursor.optionalField("individual_losses");
    return new LossSpec(
        cursor.field("type").asString(),
        cursor.field("reduction").asString(),
        individual == null ? null : individual.asString());
  }
}
