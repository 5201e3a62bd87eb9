package org.cockpit4j.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked GEMM micro-kernels: an MR x NR block of C held in vector accumulators,
 * updated by one fused multiply-add per accumulator per depth step (B: one or two vector loads, A:
 * MR broadcasts). Written out by hand (no loops over the block) so that the JIT keeps every
 * accumulator in a register. A and B are read through leading dimensions, so they may be packed
 * panels or the operands themselves.
 */
final class VectorMicroKernels {
  private VectorMicroKernels() {}

  static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
  static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
  static final int FL = FS.length();
  static final int DL = DS.length();

  /** Float32 register block: rows. */
  static final int F_MR = 8;

  /** Float32 register block: columns (two vectors). */
  static final int F_NR = 2 * FL;

  /** Float64 register block: rows. */
  static final int D_MR = 8;

  /** Float64 register block: columns (two vectors). */
  static final int D_NR = 2 * DL;

  /**
   * C[8 x 2*FL] (+)= A[8 x kc] B[kc x 2*FL]: A element (r, p) at {@code a[ai + p*lda + r]}, B row p
   * at {@code b[bi + p*ldb]}, C row r at {@code c[ci + r*ldc]}; adds to C when {@code accumulate}.
   */
  static void kernelF(
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
    for (int p = 0; p < kc; p++) {
      int ao = ai + p * lda;
      int bo = bi + p * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bo);
      FloatVector b1 = FloatVector.fromArray(FS, b, bo + 1 * FL);
      FloatVector a0 = FloatVector.broadcast(FS, a[ao]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(FS, a[ao + 1]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      FloatVector a2 = FloatVector.broadcast(FS, a[ao + 2]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      FloatVector a3 = FloatVector.broadcast(FS, a[ao + 3]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
      FloatVector a4 = FloatVector.broadcast(FS, a[ao + 4]);
      c40 = a4.fma(b0, c40);
      c41 = a4.fma(b1, c41);
      FloatVector a5 = FloatVector.broadcast(FS, a[ao + 5]);
      c50 = a5.fma(b0, c50);
      c51 = a5.fma(b1, c51);
      FloatVector a6 = FloatVector.broadcast(FS, a[ao + 6]);
      c60 = a6.fma(b0, c60);
      c61 = a6.fma(b1, c61);
      FloatVector a7 = FloatVector.broadcast(FS, a[ao + 7]);
      c70 = a7.fma(b0, c70);
      c71 = a7.fma(b1, c71);
    }
    if (accumulate) {
      c00 = c00.add(FloatVector.fromArray(FS, c, ci + 0 * ldc));
      c01 = c01.add(FloatVector.fromArray(FS, c, ci + 0 * ldc + 1 * FL));
      c10 = c10.add(FloatVector.fromArray(FS, c, ci + 1 * ldc));
      c11 = c11.add(FloatVector.fromArray(FS, c, ci + 1 * ldc + 1 * FL));
      c20 = c20.add(FloatVector.fromArray(FS, c, ci + 2 * ldc));
      c21 = c21.add(FloatVector.fromArray(FS, c, ci + 2 * ldc + 1 * FL));
      c30 = c30.add(FloatVector.fromArray(FS, c, ci + 3 * ldc));
      c31 = c31.add(FloatVector.fromArray(FS, c, ci + 3 * ldc + 1 * FL));
      c40 = c40.add(FloatVector.fromArray(FS, c, ci + 4 * ldc));
      c41 = c41.add(FloatVector.fromArray(FS, c, ci + 4 * ldc + 1 * FL));
      c50 = c50.add(FloatVector.fromArray(FS, c, ci + 5 * ldc));
      c51 = c51.add(FloatVector.fromArray(FS, c, ci + 5 * ldc + 1 * FL));
      c60 = c60.add(FloatVector.fromArray(FS, c, ci + 6 * ldc));
      c61 = c61.add(FloatVector.fromArray(FS, c, ci + 6 * ldc + 1 * FL));
      c70 = c70.add(FloatVector.fromArray(FS, c, ci + 7 * ldc));
      c71 = c71.add(FloatVector.fromArray(FS, c, ci + 7 * ldc + 1 * FL));
    }
    c00.intoArray(c, ci + 0 * ldc);
    c01.intoArray(c, ci + 0 * ldc + 1 * FL);
    c10.intoArray(c, ci + 1 * ldc);
    c11.intoArray(c, ci + 1 * ldc + 1 * FL);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + 1 * FL);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + 1 * FL);
    c40.intoArray(c, ci + 4 * ldc);
    c41.intoArray(c, ci + 4 * ldc + 1 * FL);
    c50.intoArray(c, ci + 5 * ldc);
    c51.intoArray(c, ci + 5 * ldc + 1 * FL);
    c60.intoArray(c, ci + 6 * ldc);
    c61.intoArray(c, ci + 6 * ldc + 1 * FL);
    c70.intoArray(c, ci + 7 * ldc);
    c71.intoArray(c, ci + 7 * ldc + 1 * FL);
  }

  /**
   * C[8 x 1*FL] (+)= A[8 x kc] B[kc x 1*FL]: A element (r, p) at {@code a[ai + p*lda + r]}, B row p
   * at {@code b[bi + p*ldb]}, C row r at {@code c[ci + r*ldc]}; adds to C when {@code accumulate}.
   */
  static void kernelNarrowF(
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
    for (int p = 0; p < kc; p++) {
      int ao = ai + p * lda;
      int bo = bi + p * ldb;
      FloatVector b0 = FloatVector.fromArray(FS, b, bo);
      FloatVector a0 = FloatVector.broadcast(FS, a[ao]);
      c00 = a0.fma(b0, c00);
      FloatVector a1 = FloatVector.broadcast(FS, a[ao + 1]);
      c10 = a1.fma(b0, c10);
      FloatVector a2 = FloatVector.broadcast(FS, a[ao + 2]);
      c20 = a2.fma(b0, c20);
      FloatVector a3 = FloatVector.broadcast(FS, a[ao + 3]);
      c30 = a3.fma(b0, c30);
      FloatVector a4 = FloatVector.broadcast(FS, a[ao + 4]);
      c40 = a4.fma(b0, c40);
      FloatVector a5 = FloatVector.broadcast(FS, a[ao + 5]);
      c50 = a5.fma(b0, c50);
      FloatVector a6 = FloatVector.broadcast(FS, a[ao + 6]);
      c60 = a6.fma(b0, c60);
      FloatVector a7 = FloatVector.broadcast(FS, a[ao + 7]);
      c70 = a7.fma(b0, c70);
    }
    if (accumulate) {
      c00 = c00.add(FloatVector.fromArray(FS, c, ci + 0 * ldc));
      c10 = c10.add(FloatVector.fromArray(FS, c, ci + 1 * ldc));
      c20 = c20.add(FloatVector.fromArray(FS, c, ci + 2 * ldc));
      c30 = c30.add(FloatVector.fromArray(FS, c, ci + 3 * ldc));
      c40 = c40.add(FloatVector.fromArray(FS, c, ci + 4 * ldc));
      c50 = c50.add(FloatVector.fromArray(FS, c, ci + 5 * ldc));
      c60 = c60.add(FloatVector.fromArray(FS, c, ci + 6 * ldc));
      c70 = c70.add(FloatVector.fromArray(FS, c, ci + 7 * ldc));
    }
    c00.intoArray(c, ci + 0 * ldc);
    c10.intoArray(c, ci + 1 * ldc);
    c20.intoArray(c, ci + 2 * ldc);
    c30.intoArray(c, ci + 3 * ldc);
    c40.intoArray(c, ci + 4 * ldc);
    c50.intoArray(c, ci + 5 * ldc);
    c60.intoArray(c, ci + 6 * ldc);
    c70.intoArray(c, ci + 7 * ldc);
  }

  /**
   * C[8 x 2*DL] (+)= A[8 x kc] B[kc x 2*DL]: A element (r, p) at {@code a[ai + p*lda + r]}, B row p
   * at {@code b[bi + p*ldb]}, C row r at {@code c[ci + r*ldc]}; adds to C when {@code accumulate}.
   */
  static void kernelD(
      int kc,
      double[] a,
      int ai,
      int lda,
      double[] b,
      int bi,
      int ldb,
      double[] c,
      int ci,
      int ldc,
      boolean accumulate) {
    DoubleVector c00 = DoubleVector.zero(DS);
    DoubleVector c01 = DoubleVector.zero(DS);
    DoubleVector c10 = DoubleVector.zero(DS);
    DoubleVector c11 = DoubleVector.zero(DS);
    DoubleVector c20 = DoubleVector.zero(DS);
    DoubleVector c21 = DoubleVector.zero(DS);
    DoubleVector c30 = DoubleVector.zero(DS);
    DoubleVector c31 = DoubleVector.zero(DS);
    DoubleVector c40 = DoubleVector.zero(DS);
    DoubleVector c41 = DoubleVector.zero(DS);
    DoubleVector c50 = DoubleVector.zero(DS);
    DoubleVector c51 = DoubleVector.zero(DS);
    DoubleVector c60 = DoubleVector.zero(DS);
    DoubleVector c61 = DoubleVector.zero(DS);
    DoubleVector c70 = DoubleVector.zero(DS);
    DoubleVector c71 = DoubleVector.zero(DS);
    for (int p = 0; p < kc; p++) {
      int ao = ai + p * lda;
      int bo = bi + p * ldb;
      DoubleVector b0 = DoubleVector.fromArray(DS, b, bo);
      DoubleVector b1 = DoubleVector.fromArray(DS, b, bo + 1 * DL);
      DoubleVector a0 = DoubleVector.broadcast(DS, a[ao]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      DoubleVector a1 = DoubleVector.broadcast(DS, a[ao + 1]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      DoubleVector a2 = DoubleVector.broadcast(DS, a[ao + 2]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      DoubleVector a3 = DoubleVector.broadcast(DS, a[ao + 3]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
      DoubleVector a4 = DoubleVector.broadcast(DS, a[ao + 4]);
      c40 = a4.fma(b0, c40);
      c41 = a4.fma(b1, c41);
      DoubleVector a5 = DoubleVector.broadcast(DS, a[ao + 5]);
      c50 = a5.fma(b0, c50);
      c51 = a5.fma(b1, c51);
      DoubleVector a6 = DoubleVector.broadcast(DS, a[ao + 6]);
      c60 = a6.fma(b0, c60);
      c61 = a6.fma(b1, c61);
      DoubleVector a7 = DoubleVector.broadcast(DS, a[ao + 7]);
      c70 = a7.fma(b0, c70);
      c71 = a7.fma(b1, c71);
    }
    if (accumulate) {
      c00 = c00.add(DoubleVector.fromArray(DS, c, ci + 0 * ldc));
      c01 = c01.add(DoubleVector.fromArray(DS, c, ci + 0 * ldc + 1 * DL));
      c10 = c10.add(DoubleVector.fromArray(DS, c, ci + 1 * ldc));
      c11 = c11.add(DoubleVector.fromArray(DS, c, ci + 1 * ldc + 1 * DL));
      c20 = c20.add(DoubleVector.fromArray(DS, c, ci + 2 * ldc));
      c21 = c21.add(DoubleVector.fromArray(DS, c, ci + 2 * ldc + 1 * DL));
      c30 = c30.add(DoubleVector.fromArray(DS, c, ci + 3 * ldc));
      c31 = c31.add(DoubleVector.fromArray(DS, c, ci + 3 * ldc + 1 * DL));
      c40 = c40.add(DoubleVector.fromArray(DS, c, ci + 4 * ldc));
      c41 = c41.add(DoubleVector.fromArray(DS, c, ci + 4 * ldc + 1 * DL));
      c50 = c50.add(DoubleVector.fromArray(DS, c, ci + 5 * ldc));
      c51 = c51.add(DoubleVector.fromArray(DS, c, ci + 5 * ldc + 1 * DL));
      c60 = c60.add(DoubleVector.fromArray(DS, c, ci + 6 * ldc));
      c61 = c61.add(DoubleVector.fromArray(DS, c, ci + 6 * ldc + 1 * DL));
      c70 = c70.add(DoubleVector.fromArray(DS, c, ci + 7 * ldc));
      c71 = c71.add(DoubleVector.fromArray(DS, c, ci + 7 * ldc + 1 * DL));
    }
    c00.intoArray(c, ci + 0 * ldc);
    c01.intoArray(c, ci + 0 * ldc + 1 * DL);
    c10.intoArray(c, ci + 1 * ldc);
    c11.intoArray(c, ci + 1 * ldc + 1 * DL);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + 1 * DL);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + 1 * DL);
    c40.intoArray(c, ci + 4 * ldc);
    c41.intoArray(c, ci + 4 * ldc + 1 * DL);
    c50.intoArray(c, ci + 5 * ldc);
    c51.intoArray(c, ci + 5 * ldc + 1 * DL);
    c60.intoArray(c, ci + 6 * ldc);
    c61.intoArray(c, ci + 6 * ldc + 1 * DL);
    c70.intoArray(c, ci + 7 * ldc);
    c71.intoArray(c, ci + 7 * ldc + 1 * DL);
  }

  /**
   * C[8 x 1*DL] (+)= A[8 x kc] B[kc x 1*DL]: A element (r, p) at {@code a[ai + p*lda + r]}, B row p
   * at {@code b[bi + p*ldb]}, C row r at {@code c[ci + r*ldc]}; adds to C when {@code accumulate}.
   */
  static void kernelNarrowD(
      int kc,
      double[] a,
      int ai,
      int lda,
      double[] b,
      int bi,
      int ldb,
      double[] c,
      int ci,
      int ldc,
      boolean accumulate) {
    DoubleVector c00 = DoubleVector.zero(DS);
    DoubleVector c10 = DoubleVector.zero(DS);
    DoubleVector c20 = DoubleVector.zero(DS);
    DoubleVector c30 = DoubleVector.zero(DS);
    DoubleVector c40 = DoubleVector.zero(DS);
    DoubleVector c50 = DoubleVector.zero(DS);
    DoubleVector c60 = DoubleVector.zero(DS);
    DoubleVector c70 = DoubleVector.zero(DS);
    for (int p = 0; p < kc; p++) {
      int ao = ai + p * lda;
      int bo = bi + p * ldb;
      DoubleVector b0 = DoubleVector.fromArray(DS, b, bo);
      DoubleVector a0 = DoubleVector.broadcast(DS, a[ao]);
      c00 = a0.fma(b0, c00);
      DoubleVector a1 = DoubleVector.broadcast(DS, a[ao + 1]);
      c10 = a1.fma(b0, c10);
      DoubleVector a2 = DoubleVector.broadcast(DS, a[ao + 2]);
      c20 = a2.fma(b0, c20);
      DoubleVector a3 = DoubleVector.broadcast(DS, a[ao + 3]);
      c30 = a3.fma(b0, c30);
      DoubleVector a4 = DoubleVector.broadcast(DS, a[ao + 4]);
      c40 = a4.fma(b0, c40);
      DoubleVector a5 = DoubleVector.broadcast(DS, a[ao + 5]);
      c50 = a5.fma(b0, c50);
      DoubleVector a6 = DoubleVector.broadcast(DS, a[ao + 6]);
      c60 = a6.fma(b0, c60);
      DoubleVector a7 = DoubleVector.broadcast(DS, a[ao + 7]);
      c70 = a7.fma(b0, c70);
    }
    if (accumulate) {
      c00 = c00.add(DoubleVector.fromArray(DS, c, ci + 0 * ldc));
      c10 = c10.add(DoubleVector.fromArray(DS, c, ci + 1 * ldc));
      c20 = c20.add(DoubleVector.fromArray(DS, c, ci + 2 * ldc));
      c30 = c30.add(DoubleVector.fromArray(DS, c, ci + 3 * ldc));
      c40 = c40.add(DoubleVector.fromArray(DS, c, ci + 4 * ldc));
      c50 = c50.add(DoubleVector.fromArray(DS, c, ci + 5 * ldc));
      c60 = c60.add(DoubleVector.fromArray(DS, c, ci + 6 * ldc));
      c70 = c70.add(DoubleVector.fromArray(DS, c, ci + 7 * ldc));
    }
    c00.intoArray(c, ci + 0 * ldc);
    c10.intoArray(c, ci + 1 * ldc);
    c20.intoArray(c, ci + 2 * ldc);
    c30.intoArray(c, ci + 3 * ldc);
    c40.intoArray(c, ci + 4 * ldc);
    c50.intoArray(c, ci + 5 * ldc);
    c60.intoArray(c, ci + 6 * ldc);
    c70.intoArray(c, ci + 7 * ldc);
  }
}
