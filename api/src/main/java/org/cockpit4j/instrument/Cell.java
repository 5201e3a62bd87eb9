package org.cockpit4j.instrument;

/**
 * Where a plot sits in its gauge's grid (0-based, spans at least one cell).
 *
 * @param row first row
 * @param column first column
 * @param rowSpan rows covered
 * @param columnSpan columns covered
 */
public record Cell(int row, int column, int rowSpan, int columnSpan) {
  /** Validates. */
  public Cell {
    if (row < 0 || column < 0 || rowSpan < 1 || columnSpan < 1) {
      throw new IllegalArgumentException(
          "Invalid cell row "
              + row
              + ", column "
              + column
              + ", spans "
              + rowSpan
              + " x "
              + columnSpan);
    }
  }

  /** The whole of a 1 × 1 grid. */
  public static final Cell WHOLE = new Cell(0, 0, 1, 1);

  /** One cell. */
  public static Cell at(int row, int column) {
    return new Cell(row, column, 1, 1);
  }
}
