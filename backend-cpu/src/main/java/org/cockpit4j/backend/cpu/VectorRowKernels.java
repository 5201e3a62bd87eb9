package org.cockpit4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 micro-kernels like {@link VectorMicroKernels#kernelF}, but reading A by rows (MR rows
 * {@code lda} apart, each contiguous along the depth) instead of from a packed panel. They let a
 * product read a row-major left operand in place when packing it would not pay off (few columns of
 * C share each packed panel). The same multiply-adds in the same order as the panel kernels, so the
 * results are identical.
 */
final class VectorRowKernels {
  private VectorRowKernels() {}

  private static final VectorSpecies<Float> FS = VectorMicroKernels.FS;
  private static final int FL = VectorMicroKernels.FL;

  /**
   * C[8 x 2 * FL] (+)= A[8 x kc] B[kc x 2 * FL] with A read by rows: A element (r, p) at {@code
   * a[ai + r*lda + p]}, B row p at {@code b[bi + p*ldb]}, C row r at {@code c[ci + r*ldc]}; adds to
   * C when {@code accumulate}.
   */
  static void kernelRowF(
      int kc,
      float[] a,
      int ai,
      int lda,
      float[] b,
      int bi,
      int ldb,
      float[] c,
      int ci,
      int ldc,
      boolean accumulate) {
    FloatVector c00 = FloatVector.zero(FS);
    FloatVector c01 = FloatVector.zero(FS);
    FloatVector c10 = FloatVector.zero(FS);
    FloatVector c11 = FloatVector.zero(FS);
    FloatVector c20 = FloatVector.zero(FS);
    FloatVector c21 = FloatVector.zero(FS);
    FloatVector c30 = FloatVector.zero(FS);
    FloatVector c31 = FloatVector.zero(FS);
    FloatVector c40 = FloatVector.zero(FS);
    FloatVector c41 = FloatVector.zero(FS);
    FloatVector c50 = FloatVector.zero(FS);
    FloatVector c51 = FloatVector.zero(FS);
    FloatVector c60 = FloatVector.zero(FS);
    FloatVector c61 = FloatVector.zero(FS);
    FloatVector c70 = FloatVector.zero(FS);
    FloatVector c71 = FloatVector.zero(FS);
    int a0 = ai + 0 * lda;
    int a1 = ai + 1 * lda;
    int a2 = ai + 2 * lda;
    int a3 = ai + 3 * lda;
    int a4 = ai + 4 * lda;
    int a5 = ai + 5 * lda;
    int a6 = ai + 6 * lda;
    int a7 = ai + 7 * lda;
    for (int p = 0; p < kc; p++) {
      int bo = bi + p * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bo + 0 * FL);
      FloatVector b1 = FloatVector.fromArray(FS, b, bo + 1 * FL);
      FloatVector x0 = FloatVector.broadcast(FS, a[a0 + p]);
      c00 = x0.fma(b0, c00);
      c01 = x0.fma(b1, c01);
      FloatVector x1 = FloatVector.broadcast(FS, a[a1 + p]);
      c10 = x1.fma(b0, c10);
      c11 = x1.fma(b1, c11);
      FloatVector x2 = FloatVector.broadcast(FS, a[a2 + p]);
      c20 = x2.fma(b0, c20);
      c21 = x2.fma(b1, c21);
      FloatVector x3 = FloatVector.broadcast(FS, a[a3 + p]);
      c30 = x3.fma(b0, c30);
      c31 = x3.fma(b1, c31);
      FloatVector x4 = FloatVector.broadcast(FS, a[a4 + p]);
      c40 = x4.fma(b0, c40);
      c41 = x4.fma(b1, c41);
      FloatVector x5 = FloatVector.broadcast(FS, a[a5 + p]);
      c50 = x5.fma(b0, c50);
      c51 = x5.fma(b1, c51);
      FloatVector x6 = FloatVector.broadcast(FS, a[a6 + p]);
      c60 = x6.fma(b0, c60);
      c61 = x6.fma(b1, c61);
      FloatVector x7 = FloatVector.broadcast(FS, a[a7 + p]);
      c70 = x7.fma(b0, c70);
      c71 = x7.fma(b1, c71);
    }
    if (accumulate) {
      c00 = c00.add(FloatVector.fromArray(FS, c, ci + 0 * ldc + 0 * FL));
      c01 = c01.add(FloatVector.fromArray(FS, c, ci + 0 * ldc + 1 * FL));
      c10 = c10.add(FloatVector.fromArray(FS, c, ci + 1 * ldc + 0 * FL));
      c11 = c11.add(FloatVector.fromArray(FS, c, ci + 1 * ldc + 1 * FL));
      c20 = c20.add(FloatVector.fromArray(FS, c, ci + 2 * ldc + 0 * FL));
      c21 = c21.add(FloatVector.fromArray(FS, c, ci + 2 * ldc + 1 * FL));
      c30 = c30.add(FloatVector.fromArray(FS, c, ci + 3 * ldc + 0 * FL));
      c31 = c31.add(FloatVector.fromArray(FS, c, ci + 3 * ldc + 1 * FL));
      c40 = c40.add(FloatVector.fromArray(FS, c, ci + 4 * ldc + 0 * FL));
      c41 = c41.add(FloatVector.fromArray(FS, c, ci + 4 * ldc + 1 * FL));
      c50 = c50.add(FloatVector.fromArray(FS, c, ci + 5 * ldc + 0 * FL));
      c51 = c51.add(FloatVector.fromArray(FS, c, ci + 5 * ldc + 1 * FL));
      c60 = c60.add(FloatVector.fromArray(FS, c, ci + 6 * ldc + 0 * FL));
      c61 = c61.add(FloatVector.fromArray(FS, c, ci + 6 * ldc + 1 * FL));
      c70 = c70.add(FloatVector.fromArray(FS, c, ci + 7 * ldc + 0 * FL));
      c71 = c71.add(FloatVector.fromArray(FS, c, ci + 7 * ldc + 1 * FL));
    }
    c00.intoArray(c, ci + 0 * ldc + 0 * FL);
    c01.intoArray(c, ci + 0 * ldc + 1 * FL);
    c10.intoArray(c, ci + 1 * ldc + 0 * FL);
    c11.intoArray(c, ci + 1 * ldc + 1 * FL);
    c20.intoArray(c, ci + 2 * ldc + 0 * FL);
    c21.intoArray(c, ci + 2 * ldc + 1 * FL);
    c30.intoArray(c, ci + 3 * ldc + 0 * FL);
    c31.intoArray(c, ci + 3 * ldc + 1 * FL);
    c40.intoArray(c, ci + 4 * ldc + 0 * FL);
    c41.intoArray(c, ci + 4 * ldc + 1 * FL);
    c50.intoArray(c, ci + 5 * ldc + 0 * FL);
    c51.intoArray(c, ci + 5 * ldc + 1 * FL);
    c60.intoArray(c, ci + 6 * ldc + 0 * FL);
    c61.intoArray(c, ci + 6 * ldc + 1 * FL);
    c70.intoArray(c, ci + 7 * ldc + 0 * FL);
    c71.intoArray(c, ci + 7 * ldc + 1 * FL);
  }

  /**
   * C[8 x 1 * FL] (+)= A[8 x kc] B[kc x 1 * FL] with A read by rows: A element (r, p) at {@code
   * a[ai + r*lda + p]}, B row p at {@code b[bi + p*ldb]}, C row r at {@code c[ci + r*ldc]}; adds to
   * C when {@code accumulate}.
   */
  static void kernelRowNarrowF(
      int kc,
      float[] a,
      int ai,
      int lda,
      float[] b,
      int bi,
      int ldb,
      float[] c,
      int ci,
      int ldc,
      boolean accumulate) {
    FloatVector c00 = FloatVector.zero(FS);
    FloatVector c10 = FloatVector.zero(FS);
    FloatVector c20 = FloatVector.zero(FS);
    FloatVector c30 = FloatVector.zero(FS);
    FloatVector c40 = FloatVector.zero(FS);
    FloatVector c50 = FloatVector.zero(FS);
    FloatVector c60 = FloatVector.zero(FS);
    FloatVector c70 = FloatVector.zero(FS);
    int a0 = ai + 0 * lda;
    int a1 = ai + 1 * lda;
    int a2 = ai + 2 * lda;
    int a3 = ai + 3 * lda;
    int a4 = ai + 4 * lda;
    int a5 = ai + 5 * lda;
    int a6 = ai + 6 * lda;
    int a7 = ai + 7 * lda;
    for (int p = 0; p < kc; p++) {
      int bo = bi + p * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bo + 0 * FL);
      FloatVector x0 = FloatVector.broadcast(FS, a[a0 + p]);
      c00 = x0.fma(b0, c00);
      FloatVector x1 = FloatVector.broadcast(FS, a[a1 + p]);
      c10 = x1.fma(b0, c10);
      FloatVector x2 = FloatVector.broadcast(FS, a[a2 + p]);
      c20 = x2.fma(b0, c20);
      FloatVector x3 = FloatVector.broadcast(FS, a[a3 + p]);
      c30 = x3.fma(b0, c30);
      FloatVector x4 = FloatVector.broadcast(FS, a[a4 + p]);
      c40 = x4.fma(b0, c40);
      FloatVector x5 = FloatVector.broadcast(FS, a[a5 + p]);
      c50 = x5.fma(b0, c50);
      FloatVector x6 = FloatVector.broadcast(FS, a[a6 + p]);
      c60 = x6.fma(b0, c60);
      FloatVector x7 = FloatVector.broadcast(FS, a[a7 + p]);
      c70 = x7.fma(b0, c70);
    }
    if (accumulate) {
      c00 = c00.add(FloatVector.fromArray(FS, c, ci + 0 * ldc + 0 * FL));
      c10 = c10.add(FloatVector.fromArray(FS, c, ci + 1 * ldc + 0 * FL));
      c20 = c20.add(FloatVector.fromArray(FS, c, ci + 2 * ldc + 0 * FL));
      c30 = c30.add(FloatVector.fromArray(FS, c, ci + 3 * ldc + 0 * FL));
      c40 = c40.add(FloatVector.fromArray(FS, c, ci + 4 * ldc + 0 * FL));
      c50 = c50.add(FloatVector.fromArray(FS, c, ci + 5 * ldc + 0 * FL));
      c60 = c60.add(FloatVector.fromArray(FS, c, ci + 6 * ldc + 0 * FL));
      c70 = c70.add(FloatVector.fromArray(FS, c, ci + 7 * ldc + 0 * FL));
    }
    c00.intoArray(c, ci + 0 * ldc + 0 * FL);
    c10.intoArray(c, ci + 1 * ldc + 0 * FL);
    c20.intoArray(c, ci + 2 * ldc + 0 * FL);
    c30.intoArray(c, ci + 3 * ldc + 0 * FL);
    c40.intoArray(c, ci + 4 * ldc + 0 * FL);
    c50.intoArray(c, ci + 5 * ldc + 0 * FL);
    c60.intoArray(c, ci + 6 * ldc + 0 * FL);
    c70.intoArray(c, ci + 7 * ldc + 0 * FL);
  }

  /**
   * C[4 x 4*FL] (+)= A[4 x kc] B[kc x 4*FL] with A read by rows (element (r, p) at {@code a[ai +
   * r*lda + p]}) and B as two panels of 2*FL columns (row p at {@code b[bi0 + p*ldb]} and {@code
   * b[bi1 + p*ldb]}); C row r at {@code c[ci + r*ldc]}. Fewer loads per multiply-add than {@link
   * #kernelRowF}, for products with 4*FL columns: the same multiply-adds in the same order per
   * element, so the results are identical.
   */
  static void kernelRowWideF(
      int kc,
      float[] a,
      int ai,
      int lda,
      float[] b,
      int bi0,
      int bi1,
      int ldb,
      float[] c,
      int ci,
      int ldc,
      boolean accumulate) {
    FloatVector c00 = FloatVector.zero(FS);
    FloatVector c01 = FloatVector.zero(FS);
    FloatVector c02 = FloatVector.zero(FS);
    FloatVector c03 = FloatVector.zero(FS);
    FloatVector c10 = FloatVector.zero(FS);
    FloatVector c11 = FloatVector.zero(FS);
    FloatVector c12 = FloatVector.zero(FS);
    FloatVector c13 = FloatVector.zero(FS);
    FloatVector c20 = FloatVector.zero(FS);
    FloatVector c21 = FloatVector.zero(FS);
    FloatVector c22 = FloatVector.zero(FS);
    FloatVector c23 = FloatVector.zero(FS);
    FloatVector c30 = FloatVector.zero(FS);
    FloatVector c31 = FloatVector.zero(FS);
    FloatVector c32 = FloatVector.zero(FS);
    FloatVector c33 = FloatVector.zero(FS);
    int a0 = ai + 0 * lda;
    int a1 = ai + 1 * lda;
    int a2 = ai + 2 * lda;
    int a3 = ai + 3 * lda;
    for (int p = 0; p < kc; p++) {
      int bo0 = bi0 + p * ldb;
      int bo1 = bi1 + p * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bo0);
      FloatVector b1 = FloatVector.fromArray(FS, b, bo0 + FL);
      FloatVector b2 = FloatVector.fromArray(FS, b, bo1);
      FloatVector b3 = FloatVector.fromArray(FS, b, bo1 + FL);
      FloatVector x0 = FloatVector.broadcast(FS, a[a0 + p]);
      c00 = x0.fma(b0, c00);
      c01 = x0.fma(b1, c01);
      c02 = x0.fma(b2, c02);
      c03 = x0.fma(b3, c03);
      FloatVector x1 = FloatVector.broadcast(FS, a[a1 + p]);
      c10 = x1.fma(b0, c10);
      c11 = x1.fma(b1, c11);
      c12 = x1.fma(b2, c12);
      c13 = x1.fma(b3, c13);
      FloatVector x2 = FloatVector.broadcast(FS, a[a2 + p]);
      c20 = x2.fma(b0, c20);
      c21 = x2.fma(b1, c21);
      c22 = x2.fma(b2, c22);
      c23 = x2.fma(b3, c23);
      FloatVector x3 = FloatVector.broadcast(FS, a[a3 + p]);
      c30 = x3.fma(b0, c30);
      c31 = x3.fma(b1, c31);
      c32 = x3.fma(b2, c32);
      c33 = x3.fma(b3, c33);
    }
    if (accumulate) {
      c00 = c00.add(FloatVector.fromArray(FS, c, ci + 0 * ldc + 0 * FL));
      c01 = c01.add(FloatVector.fromArray(FS, c, ci + 0 * ldc + 1 * FL));
      c02 = c02.add(FloatVector.fromArray(FS, c, ci + 0 * ldc + 2 * FL));
      c03 = c03.add(FloatVector.fromArray(FS, c, ci + 0 * ldc + 3 * FL));
      c10 = c10.add(FloatVector.fromArray(FS, c, ci + 1 * ldc + 0 * FL));
      c11 = c11.add(FloatVector.fromArray(FS, c, ci + 1 * ldc + 1 * FL));
      c12 = c12.add(FloatVector.fromArray(FS, c, ci + 1 * ldc + 2 * FL));
      c13 = c13.add(FloatVector.fromArray(FS, c, ci + 1 * ldc + 3 * FL));
      c20 = c20.add(FloatVector.fromArray(FS, c, ci + 2 * ldc + 0 * FL));
      c21 = c21.add(FloatVector.fromArray(FS, c, ci + 2 * ldc + 1 * FL));
      c22 = c22.add(FloatVector.fromArray(FS, c, ci + 2 * ldc + 2 * FL));
      c23 = c23.add(FloatVector.fromArray(FS, c, ci + 2 * ldc + 3 * FL));
      c30 = c30.add(FloatVector.fromArray(FS, c, ci + 3 * ldc + 0 * FL));
      c31 = c31.add(FloatVector.fromArray(FS, c, ci + 3 * ldc + 1 * FL));
      c32 = c32.add(FloatVector.fromArray(FS, c, ci + 3 * ldc + 2 * FL));
      c33 = c33.add(FloatVector.fromArray(FS, c, ci + 3 * ldc + 3 * FL));
    }
    c00.intoArray(c, ci + 0 * ldc + 0 * FL);
    c01.intoArray(c, ci + 0 * ldc + 1 * FL);
    c02.intoArray(c, ci + 0 * ldc + 2 * FL);
    c03.intoArray(c, ci + 0 * ldc + 3 * FL);
    c10.intoArray(c, ci + 1 * ldc + 0 * FL);
    c11.intoArray(c, ci + 1 * ldc + 1 * FL);
    c12.intoArray(c, ci + 1 * ldc + 2 * FL);
    c13.intoArray(c, ci + 1 * ldc + 3 * FL);
    c20.intoArray(c, ci + 2 * ldc + 0 * FL);
    c21.intoArray(c, ci + 2 * ldc + 1 * FL);
    c22.intoArray(c, ci + 2 * ldc + 2 * FL);
    c23.intoArray(c, ci + 2 * ldc + 3 * FL);
    c30.intoArray(c, ci + 3 * ldc + 0 * FL);
    c31.intoArray(c, ci + 3 * ldc + 1 * FL);
    c32.intoArray(c, ci + 3 * ldc + 2 * FL);
    c33.intoArray(c, ci + 3 * ldc + 3 * FL);
  }
}
