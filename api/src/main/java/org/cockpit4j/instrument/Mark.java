package org.cockpit4j.instrument;

import java.util.Objects;

/**
 * One thing drawn in a {@link PlotView}, in data coordinates. Renderers (JFreeChart for the figure,
 * the dashboard's browser code) draw each kind; marks with a non-empty label get a legend entry.
 * Non-finite coordinates are skipped by renderers.
 */
public sealed interface Mark
    permits Mark.Points,
        Mark.Line,
        Mark.Area,
        Mark.Bars,
        Mark.Band,
        Mark.Rule,
        Mark.Polygon,
        Mark.HeatMap,
        Mark.Text {

  /** The legend label (empty for none). */
  String label();

  /** Scatter points, optionally coloured by x, on the primary or the secondary y-axis. */
  record Points(
      String label, double[] x, double[] y, MarkColour colour, double size, boolean secondary)
      implements Mark {
    /** Validates. */
    public Points {
      label = label == null ? "" : label;
      checkPairs(x, y);
      Objects.requireNonNull(colour, "colour");
    }
  }

  /** A polyline through the points in order. */
  record Line(
      String label,
      double[] x,
      double[] y,
      MarkColour colour,
      double width,
      boolean dashed,
      boolean secondary)
      implements Mark {
    /** Validates. */
    public Line {
      label = label == null ? "" : label;
      checkPairs(x, y);
      Objects.requireNonNull(colour, "colour");
    }
  }

  /**
   * The region between a polyline and a baseline: {@code y = baseline} (vertical fill), or with
   * {@code horizontal} the line {@code x = baseline} (fill towards the y-axis).
   */
  record Area(
      String label, double[] x, double[] y, double baseline, Colour fill, boolean horizontal)
      implements Mark {
    /** Validates. */
    public Area {
      label = label == null ? "" : label;
      checkPairs(x, y);
      Objects.requireNonNull(fill, "fill");
    }
  }

  /**
   * Bars at {@code centres} with {@code lengths} from 0 (from the axis' lower end on log scales);
   * vertical bars stand on the x-axis, {@code horizontal} ones grow from the y-axis.
   */
  record Bars(
      String label,
      double[] centres,
      double[] lengths,
      double width,
      Colour fill,
      boolean horizontal,
      boolean secondary)
      implements Mark {
    /** Validates. */
    public Bars {
      label = label == null ? "" : label;
      checkPairs(centres, lengths);
      Objects.requireNonNull(fill, "fill");
    }
  }

  /** A band across the plot: {@code lower ≤ y ≤ upper} ({@code horizontal}) or the same in x. */
  record Band(boolean horizontal, double lower, double upper, Colour fill) implements Mark {
    /** Validates. */
    public Band {
      Objects.requireNonNull(fill, "fill");
    }

    @Override
    public String label() {
      return "";
    }
  }

  /**
   * A reference line across the plot: {@code y = value} ({@code horizontal}) or {@code x = value}.
   */
  record Rule(boolean horizontal, double value, Colour colour, double width, boolean dashed)
      implements Mark {
    /** Validates. */
    public Rule {
      Objects.requireNonNull(colour, "colour");
    }

    @Override
    public String label() {
      return "";
    }
  }

  /** A closed polygon in data coordinates (e.g. the norm test's circle). */
  record Polygon(String label, double[] x, double[] y, Colour fill, Colour outline)
      implements Mark {
    /** Validates. */
    public Polygon {
      label = label == null ? "" : label;
      checkPairs(x, y);
    }

    /**
     * A circle around ({@code centreX}, {@code centreY}) as a polygon of {@code points} corners.
     */
    public static Polygon circle(
        String label,
        double centreX,
        double centreY,
        double radius,
        int points,
        Colour fill,
        Colour outline) {
      double[] x = new double[points];
      double[] y = new double[points];
      for (int i = 0; i < points; i++) {
        double angle = 2 * Math.PI * i / points;
        x[i] = centreX + radius * Math.cos(angle);
        y[i] = centreY + radius * Math.sin(angle);
      }
      return new Polygon(label, x, y, fill, outline);
    }
  }

  /**
   * A heat map: cell (i, j) spans {@code xEdges[i]..xEdges[i+1]} by {@code yEdges[j]..yEdges[j+1]}
   * and is coloured from transparent (0) to {@code colour} (the maximum) by {@code values[i][j]}.
   */
  record HeatMap(double[] xEdges, double[] yEdges, double[][] values, Colour colour)
      implements Mark {
    /** Validates. */
    public HeatMap {
      Objects.requireNonNull(colour, "colour");
      if (values.length + 1 != xEdges.length
          || values.length == 0
          || values[0].length + 1 != yEdges.length) {
        throw new IllegalArgumentException(
            "A heat map needs values [x bins][y bins] with one edge more per axis; got "
                + values.length
                + " x "
                + (values.length == 0 ? 0 : values[0].length)
                + " values, "
                + xEdges.length
                + " and "
                + yEdges.length
                + " edges");
      }
    }

    @Override
    public String label() {
      return "";
    }

    /** The largest finite value (0 when none). */
    public double max() {
      double max = 0;
      for (double[] row : values) {
        for (double value : row) {
          if (Double.isFinite(value)) {
            max = Math.max(max, value);
          }
        }
      }
      return max;
    }
  }

  /** Text at a data position; {@code align} −1 left-aligned, 0 centred, 1 right-aligned. */
  record Text(double x, double y, String text, Colour colour, int align) implements Mark {
    /** Validates. */
    public Text {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(colour, "colour");
    }

    @Override
    public String label() {
      return "";
    }
  }

  private static void checkPairs(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "A mark needs as many x as y coordinates: " + x.length + " and " + y.length);
    }
  }
}
