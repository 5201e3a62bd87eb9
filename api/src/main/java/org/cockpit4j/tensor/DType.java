package org.cockpit4j.tensor;

/** Element type of a tensor. float64 is the truth for tests; float32 is the speed path. */
public enum DType {
  FLOAT32(4),
  FLOAT64(8);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** Size of one element in bytes. */
  public int bytes() {
    return bytes;
  }

  /** Parses {@code float32}/{@code float64} (case-insensitive), failing with the known names. */
  public static DType parse(String name) {
    for (DType type : values()) {
      if (type.name().equalsIgnoreCase(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Unknown dtype '" + name + "'. Known dtypes: float32, float64.");
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
