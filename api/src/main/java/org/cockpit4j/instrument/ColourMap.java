package org.cockpit4j.instrument;

/**
 * The colour maps of the original's gauges: points coloured by iteration with {@code viridis}, the
 * exponential moving average with {@code cool}, and their reversed forms for a second series.
 */
public enum ColourMap {
  /** matplotlib's viridis (dark purple to yellow). */
  VIRIDIS(false),
  /** viridis reversed. */
  VIRIDIS_REVERSED(true),
  /** matplotlib's cool (cyan to magenta). */
  COOL(false),
  /** cool reversed. */
  COOL_REVERSED(true);

  private static final double[][] VIRIDIS_ANCHORS = {
    {0.267, 0.005, 0.329},
    {0.283, 0.141, 0.458},
    {0.254, 0.265, 0.530},
    {0.207, 0.372, 0.553},
    {0.164, 0.471, 0.558},
    {0.128, 0.567, 0.551},
    {0.135, 0.659, 0.518},
    {0.267, 0.749, 0.441},
    {0.478, 0.821, 0.318},
    {0.741, 0.873, 0.150},
    {0.993, 0.906, 0.144}
  };

  private final boolean reversed;

  ColourMap(boolean reversed) {
    this.reversed = reversed;
  }

  /** The colour at {@code position} in [0, 1] (clamped; NaN gives the start). */
  public Colour at(double position) {
    double t = Double.isNaN(position) ? 0 : Math.min(1, Math.max(0, position));
    if (reversed) {
      t = 1 - t;
    }
    if (this == COOL || this == COOL_REVERSED) {
      return Colour.rgb(t, 1 - t, 1);
    }
    double scaled = t * (VIRIDIS_ANCHORS.length - 1);
    int low = Math.min((int) Math.floor(scaled), VIRIDIS_ANCHORS.length - 2);
    double fraction = scaled - low;
    double[] a = VIRIDIS_ANCHORS[low];
    double[] b = VIRIDIS_ANCHORS[low + 1];
    return Colour.rgb(
        a[0] + fraction * (b[0] - a[0]),
        a[1] + fraction * (b[1] - a[1]),
        a[2] + fraction * (b[2] - a[2]));
  }
}
