package org.cockpit4j.backend.cpu;

/**
 * A single matrix product {@code C = op(A) op(B)} on contiguous row-major operands at offsets:
 * {@code op(A)} is {@code m x k} (stored {@code k x m} when {@code transposeA}), {@code op(B)} is
 * {@code k x n} (stored {@code n x k} when {@code transposeB}), {@code C} is {@code m x n} and is
 * overwritten.
 */
interface Gemm {

  /** Float32 product; uses the thread pool only when {@code parallel}. */
  void gemm(
      int m,
      int n,
      int k,
      float[] a,
      int aOffset,
      boolean transposeA,
      float[] b,
      int bOffset,
      boolean transposeB,
      float[] c,
      int cOffset,
      boolean parallel);

  /** Float64 product; uses the thread pool only when {@code parallel}. */
  void gemm(
      int m,
      int n,
      int k,
      double[] a,
      int aOffset,
      boolean transposeA,
      double[] b,
      int bOffset,
      boolean transposeB,
      double[] c,
      int cOffset,
      boolean parallel);

  /** Whether {@link #multiply} is implemented. */
  default boolean supportsLayouts() {
    return false;
  }

  /**
   * Float32 product {@code C = A B} (or {@code C += A B} when {@code accumulate}) on general {@link
   * MatrixLayout}s (a batch seen as one matrix); only when {@link #supportsLayouts}.
   */
  default void multiply(
      MatrixLayout a,
      float[] aData,
      MatrixLayout b,
      float[] bData,
      MatrixLayout c,
      float[] cData,
      boolean accumulate,
      boolean parallel) {
    throw new UnsupportedOperationException(this + " has no layout-based products");
  }

  /** Rows of A the float32 kernels take at once (see {@link MatrixLayout#panels}). */
  default int registerRows() {
    return 1;
  }
}
