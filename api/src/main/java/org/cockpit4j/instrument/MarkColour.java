package org.cockpit4j.instrument;

import java.util.Objects;

/**
 * How a series of points or a line is coloured: one colour, or a colour map over the x coordinate
 * (the original colours points by iteration with viridis and its EMA lines with cool).
 *
 * @param fixed the colour, or null when a map is used
 * @param map the colour map over x (normalised to the plotted x range), or null
 */
public record MarkColour(Colour fixed, ColourMap map) {
  /** Exactly one of the two. */
  public MarkColour {
    if ((fixed == null) == (map == null)) {
      throw new IllegalArgumentException("A mark colour is either a colour or a colour map");
    }
  }

  /** One colour. */
  public static MarkColour of(Colour colour) {
    return new MarkColour(Objects.requireNonNull(colour, "colour"), null);
  }

  /** A colour map over x. */
  public static MarkColour byStep(ColourMap map) {
    return new MarkColour(null, Objects.requireNonNull(map, "map"));
  }

  /** The colour of a point at x-position {@code position} in [0, 1]. */
  public Colour at(double position) {
    return fixed != null ? fixed : map.at(position);
  }

  /** A representative colour (legend swatch): the fixed colour or the map's end colour. */
  public Colour representative() {
    return fixed != null ? fixed : map.at(0.85);
  }
}
