package org.cockpit4j.instruments.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import org.cockpit4j.instrument.Colour;

/** Conversions from the view model to AWT. */
final class Awt {
  private Awt() {}

  static Color color(Colour colour) {
    return new Color(
        (float) colour.red(),
        (float) colour.green(),
        (float) colour.blue(),
        (float) colour.alpha());
  }

  static Stroke stroke(double width, boolean dashed) {
    float w = (float) Math.max(0.3, width);
    return dashed
        ? new BasicStroke(
            w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {4 * w, 3 * w}, 0f)
        : new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }
}
