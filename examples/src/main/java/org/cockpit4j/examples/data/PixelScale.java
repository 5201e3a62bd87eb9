package org.cockpit4j.examples.data;

/** How 8-bit pixel values become input values. */
public enum PixelScale {
  /** {@code value / 255}, in [0, 1] (the usual preprocessing). */
  UNIT,
  /** The raw byte values 0..255 (mis-scaled inputs, for the experiment that shows their effect). */
  RAW;

  /** The input value of pixel byte {@code value} (0..255). */
  public double apply(int value) {
    return this == UNIT ? value / 255.0 : value;
  }
}
