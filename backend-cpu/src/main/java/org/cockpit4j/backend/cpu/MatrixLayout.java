package org.cockpit4j.backend.cpu;

/**
 * Where the elements of a logical {@code rows x cols} matrix lie in a flat array: element {@code
 * (r, c)} is at {@code offset + rowOffset(r) + colOffset(c)}, and each index is two-level, so that
 * a batch of matrices can act as one. Row {@code r} is row {@code r % rowGroup} of group {@code r /
 * rowGroup}: {@code rowOffset(r) = (r / rowGroup) * rowGroupStride + (r % rowGroup) * rowStride};
 * columns likewise. A plain row-major {@code [R, C]} matrix has one group per axis, row stride C
 * and column stride 1; its transpose swaps the two axes; a batch {@code [N, R, C]} seen as {@code R
 * x (N*C)} (the columns of all members side by side) has column groups of C, {@code colGroupStride
 * = R*C}.
 */
record MatrixLayout(
    int rows,
    int cols,
    int offset,
    int rowStride,
    int rowGroup,
    int rowGroupStride,
    int colStride,
    int colGroup,
    int colGroupStride) {

  /** A row-major {@code rows x cols} matrix at {@code offset}. */
  static MatrixLayout dense(int rows, int cols, int offset) {
    return new MatrixLayout(
        rows, cols, offset, cols, Math.max(1, rows), 0, 1, Math.max(1, cols), 0);
  }

  /**
   * {@code op(X)} for a row-major {@code [storedRows, storedCols]} matrix at {@code offset}: X
   * itself, or its transpose when {@code transpose}.
   */
  static MatrixLayout operand(int storedRows, int storedCols, int offset, boolean transpose) {
    MatrixLayout stored = dense(storedRows, storedCols, offset);
    return transpose ? stored.transpose() : stored;
  }

  /**
   * A batch of {@code count} row-major {@code [rows, cols]} matrices, {@code stride} elements apart
   * from {@code offset}, seen as one {@code rows x (count*cols)} matrix (member n's columns are
   * {@code n*cols ..}).
   */
  static MatrixLayout columnBatch(int count, int rows, int cols, int offset, int stride) {
    return new MatrixLayout(
        rows, count * cols, offset, cols, Math.max(1, rows), 0, 1, Math.max(1, cols), stride);
  }

  /**
   * An {@code m x k} matrix stored as the GEMM kernels read their left operand: panels of {@code
   * mr} rows, each holding the {@code mr} values of every depth step side by side. Products read it
   * in place, contiguously; worth it for a left operand shared by many products.
   */
  static MatrixLayout panels(int m, int k, int mr) {
    return new MatrixLayout(m, k, 0, 1, mr, mr * k, mr, Math.max(1, k), 0);
  }

  /**
   * A copy of the {@code m x k} matrix {@code layout} over {@code data} in {@link #panels} layout
   * ({@code roundUp(m, mr) * k} elements, rows past {@code m} zero).
   */
  static float[] toPanels(MatrixLayout layout, float[] data, int mr) {
    int m = layout.rows();
    int k = layout.cols();
    int padded = (m + mr - 1) / mr * mr;
    float[] packed = ArrayPool.floats(padded * k);
    MatrixLayout target = panels(m, k, mr);
    for (int i = 0; i < padded; i++) {
      for (int p = 0; p < k; p++) {
        packed[target.index(i, p)] = i < m ? data[layout.index(i, p)] : 0f;
      }
    }
    return packed;
  }

  /** The transposed view: element (r, c) of the result is element (c, r) of this. */
  MatrixLayout transpose() {
    return new MatrixLayout(
        cols,
        rows,
        offset,
        colStride,
        colGroup,
        colGroupStride,
        rowStride,
        rowGroup,
        rowGroupStride);
  }

  int rowOffset(int r) {
    return (r / rowGroup) * rowGroupStride + (r % rowGroup) * rowStride;
  }

  int colOffset(int c) {
    return (c / colGroup) * colGroupStride + (c % colGroup) * colStride;
  }

  /** The array index of element {@code (r, c)}. */
  int index(int r, int c) {
    return offset + rowOffset(r) + colOffset(c);
  }

  /** Whether rows {@code [r, r + count)} lie in one row group (one stride apart). */
  boolean oneRowGroup(int r, int count) {
    return r / rowGroup == (r + count - 1) / rowGroup;
  }

  /** Whether columns {@code [c, c + count)} lie in one column group (one stride apart). */
  boolean oneColGroup(int c, int count) {
    return c / colGroup == (c + count - 1) / colGroup;
  }

  /** The first row after {@code r} that starts a new row group. */
  int nextRowGroup(int r) {
    return (r / rowGroup + 1) * rowGroup;
  }

  /** The first column after {@code c} that starts a new column group. */
  int nextColGroup(int c) {
    return (c / colGroup + 1) * colGroup;
  }
}
