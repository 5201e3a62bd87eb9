package org.cockpit4j.instruments.figure;

import org.cockpit4j.instrument.Axis;
import org.cockpit4j.instrument.Mark;

/**
 * The limits of one axis: the axis' fixed range, or the extent of the marks drawn on it with a
 * margin (multiplicative on log axes, whose non-positive values are ignored), never empty or
 * non-finite.
 */
public final class DataRange {
  private static final double MARGIN = 0.05;

  private double low = Double.POSITIVE_INFINITY;
  private double high = Double.NEGATIVE_INFINITY;
  private final boolean log;

  private DataRange(boolean log) {
    this.log = log;
  }

  /** The range of the x-axis (all marks). */
  public static double[] x(Axis axis, Iterable<Mark> marks) {
    if (axis.hasRange()) {
      return new double[] {axis.lower(), axis.upper()};
    }
    DataRange range = new DataRange(axis.scale() == Axis.Scale.LOG);
    for (Mark mark : marks) {
      range.addX(mark);
    }
    return range.limits();
  }

  /** The range of a y-axis: the marks on the primary ({@code secondary} false) or twin axis. */
  public static double[] y(Axis axis, Iterable<Mark> marks, boolean secondary) {
    if (axis.hasRange()) {
      return new double[] {axis.lower(), axis.upper()};
    }
    DataRange range = new DataRange(axis.scale() == Axis.Scale.LOG);
    for (Mark mark : marks) {
      if (isSecondary(mark) == secondary) {
        range.addY(mark);
      }
    }
    return range.limits();
  }

  /** Whether {@code mark} belongs to the twin (right) y-axis. */
  public static boolean isSecondary(Mark mark) {
    if (mark instanceof Mark.Points points) {
      return points.secondary();
    }
    if (mark instanceof Mark.Line line) {
      return line.secondary();
    }
    if (mark instanceof Mark.Bars bars) {
      return bars.secondary();
    }
    return false;
  }

  private void addX(Mark mark) {
    if (mark instanceof Mark.Points points) {
      add(points.x());
    } else if (mark instanceof Mark.Line line) {
      add(line.x());
    } else if (mark instanceof Mark.Area area) {
      add(area.x());
      if (area.horizontal()) {
        add(area.baseline());
      }
    } else if (mark instanceof Mark.Bars bars) {
      if (bars.horizontal()) {
        add(bars.lengths());
        add(0);
      } else {
        addSpread(bars.centres(), bars.width());
      }
    } else if (mark instanceof Mark.Polygon polygon) {
      add(polygon.x());
    } else if (mark instanceof Mark.HeatMap map) {
      add(map.xEdges());
    }
  }

  private void addY(Mark mark) {
    if (mark instanceof Mark.Points points) {
      add(points.y());
    } else if (mark instanceof Mark.Line line) {
      add(line.y());
    } else if (mark instanceof Mark.Area area) {
      add(area.y());
      if (!area.horizontal()) {
        add(area.baseline());
      }
    } else if (mark instanceof Mark.Bars bars) {
      if (bars.horizontal()) {
        addSpread(bars.centres(), bars.width());
      } else {
        add(bars.lengths());
        add(0);
      }
    } else if (mark instanceof Mark.Polygon polygon) {
      add(polygon.y());
    } else if (mark instanceof Mark.HeatMap map) {
      add(map.yEdges());
    }
  }

  private void addSpread(double[] centres, double width) {
    for (double centre : centres) {
      add(centre - width / 2);
      add(centre + width / 2);
    }
  }

  private void add(double... values) {
    for (double value : values) {
      if (!Double.isFinite(value) || (log && value <= 0)) {
        continue;
      }
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }

  private double[] limits() {
    if (low > high) {
      return log ? new double[] {0.1, 10} : new double[] {0, 1};
    }
    if (log) {
      double lowLog = Math.log10(low);
      double highLog = Math.log10(high);
      if (highLog - lowLog < 1e-9) {
        return new double[] {low / 2, high * 2};
      }
      double margin = (highLog - lowLog) * MARGIN;
      return new double[] {Math.pow(10, lowLog - margin), Math.pow(10, highLog + margin)};
    }
    if (high - low <= Math.abs(high) * 1e-12) {
      double half = low == 0 ? 1 : Math.abs(low) * 0.1;
      return new double[] {low - half, high + half};
    }
    double margin = (high - low) * MARGIN;
    return new double[] {low - margin, high + margin};
  }
}
