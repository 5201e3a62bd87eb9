package org.cockpit4j.instrument;

import java.util.List;

/**
 * One set of axes inside a gauge: its cell in the gauge's grid, axes and marks. A plot with a note
 * shows the note (e.g. "no data yet") instead of marks.
 *
 * @param cell where the plot sits in the gauge's grid
 * @param title the plot's title (empty for none)
 * @param x the x-axis
 * @param y the (left) y-axis
 * @param secondaryY the right y-axis (twin axis), or null
 * @param marks what to draw, in drawing order
 * @param note a message shown instead of data, or null
 */
public record PlotView(
    Cell cell, String title, Axis x, Axis y, Axis secondaryY, List<Mark> marks, String note) {

  /** Validates and copies. */
  public PlotView {
    title = title == null ? "" : title;
    if (cell == null || x == null || y == null) {
      throw new IllegalArgumentException("A plot needs a cell and x and y axes");
    }
    marks = List.copyOf(marks);
  }

  /** A plot filling a 1 × 1 gauge. */
  public static PlotView of(String title, Axis x, Axis y, Axis secondaryY, List<Mark> marks) {
    return new PlotView(Cell.WHOLE, title, x, y, secondaryY, marks, null);
  }

  /** This plot in another cell. */
  public PlotView at(Cell where) {
    return new PlotView(where, title, x, y, secondaryY, marks, note);
  }
}
