package org.cockpit4j.backend.cpu;

import jdk.incubator.vector.FloatVector;

/**
 * The fast GEMM: BLIS-style loops (column blocks of NC, depth blocks of KC, row blocks of MC) over
 * packed panels of A (MR rows) and B (NR columns), with an MR x NR register-blocked Vector API
 * micro-kernel ({@link VectorMicroKernels}). Loaded only when {@code jdk.incubator.vector} is
 * present (see {@link GemmFactory}).
 *
 * <p>Threads split C into contiguous row (or column) ranges aligned to the register block; each
 * element of C is always accumulated over the same depth blocks in the same order, so results do
 * not depend on the number of threads.
 */
final class VectorGemm implements Gemm {
  static final int F_MR = VectorMicroKernels.F_MR;
  static final int F_NR = VectorMicroKernels.F_NR;
  static final int D_MR = VectorMicroKernels.D_MR;
  static final int D_NR = VectorMicroKernels.D_NR;
  static final int D_KC = 384;
  static final int D_MC = 64;
  static final int D_NC = 1536;

  /** Most elements of op(B) packed once for all threads (beyond it each thread packs its own). */
  private static final long PREPACK_LIMIT = 1L << 23;

  /** Below this many multiply-adds a product stays on one thread. */
  private static final long PARALLEL_WORK = 1L << 20;

  /** Depth steps per strip when packing transposes (one cache line of each row read). */
  private static final int TRANSPOSE_STRIP = 16;

  /**
   * Whether an operand whose rows are {@code leadingDimension} elements of {@code bytes} apart may
   * be read in place: not when the row stride is a multiple of 2 KiB, where the rows of a panel
   * fall into a few cache sets and evict each other (packing is cheaper then).
   */
  static boolean readInPlace(int leadingDimension, int bytes) {
    return ((long) leadingDimension * bytes) % 2048 != 0;
  }

  private static final int ROWS = 0;
  private static final int COLUMNS = 1;

  private final CpuThreads threads;
  private final BlockedFloatGemm floats;

  VectorGemm(CpuThreads threads) {
    this.threads = threads;
    this.floats = new BlockedFloatGemm(threads);
  }

  static int roundUp(int value, int multiple) {
    return (value + multiple - 1) / multiple * multiple;
  }

  /**
   * Splits C among threads: {@code [ROWS or COLUMNS, boundary0, boundary1, ...]}, boundaries
   * aligned to the register block.
   */
  private int[] partition(int m, int n, int k, int mr, int nr, boolean parallel) {
    int tasks = 1;
    if (parallel && (long) m * n * k >= PARALLEL_WORK) {
      tasks = threads.chunkCount(Integer.MAX_VALUE, 1);
    }
    int rowBlocks = (m + mr - 1) / mr;
    int columnBlocks = (n + nr - 1) / nr;
    // Split the longer side: threads splitting rows share one packed copy of B (see prepack),
    // threads splitting columns each pack all of A, which is then the smaller operand.
    boolean splitRows = m >= n;
    int blocks = splitRows ? rowBlocks : columnBlocks;
    int unit = splitRows ? mr : nr;
    int extent = splitRows ? m : n;
    tasks = Math.max(1, Math.min(tasks, blocks));
    int[] bounds = new int[tasks + 2];
    bounds[0] = splitRows ? ROWS : COLUMNS;
    for (int t = 0; t <= tasks; t++) {
      bounds[t + 1] = Math.min(extent, (int) ((long) blocks * t / tasks) * unit);
    }
    bounds[tasks + 1] = extent;
    return bounds;
  }

  @Override
  public String toString() {
    return "Vector API "
        + FloatVector.SPECIES_PREFERRED.vectorBitSize()
        + "-bit, float32 "
        + F_MR
        + "x"
        + F_NR
        + ", float64 "
        + D_MR
        + "x"
        + D_NR
        + " register blocks";
  }

  // ---- float ------------------------------------------------------------------------------------

  @Override
  public void gemm(
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
      boolean parallel) {
    floats.multiply(
        transposeA
            ? MatrixLayout.operand(k, m, aOffset, true)
            : MatrixLayout.operand(m, k, aOffset, false),
        a,
        transposeB
            ? MatrixLayout.operand(n, k, bOffset, true)
            : MatrixLayout.operand(k, n, bOffset, false),
        b,
        MatrixLayout.dense(m, n, cOffset),
        c,
        false,
        parallel);
  }

  @Override
  public boolean supportsLayouts() {
    return true;
  }

  @Override
  public void multiply(
      MatrixLayout a,
      float[] aData,
      MatrixLayout b,
      float[] bData,
      MatrixLayout c,
      float[] cData,
      boolean accumulate,
      boolean parallel) {
    floats.multiply(a, aData, b, bData, c, cData, accumulate, parallel);
  }

  @Override
  public int registerRows() {
    return F_MR;
  }

  // ---- double
  // ------------------------------------------------------------------------------------

  @Override
  public void gemm(
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
      boolean parallel) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      java.util.Arrays.fill(c, cOffset, cOffset + m * n, 0.0);
      return;
    }
    int[] bounds = partition(m, n, k, D_MR, D_NR, parallel);
    boolean splitRows = bounds[0] == ROWS;
    int tasks = bounds.length - 2;
    // Threads splitting rows would each pack all of B: pack it once, together, up front.
    double[] sharedB =
        splitRows && tasks > 1 && (transposeB || !readInPlace(n, 8))
            ? prepackDB(b, bOffset, transposeB, n, k)
            : null;
    CpuThreads.RangeBody body =
        (chunk, from, to) -> {
          for (int task = from; task < to; task++) {
            int start = bounds[task + 1];
            int end = bounds[task + 2];
            if (splitRows) {
              blockD(
                  m,
                  n,
                  k,
                  a,
                  aOffset,
                  transposeA,
                  b,
                  bOffset,
                  transposeB,
                  c,
                  cOffset,
                  start,
                  end,
                  0,
                  n,
                  sharedB);
            } else {
              blockD(
                  m,
                  n,
                  k,
                  a,
                  aOffset,
                  transposeA,
                  b,
                  bOffset,
                  transposeB,
                  c,
                  cOffset,
                  0,
                  m,
                  start,
                  end,
                  sharedB);
            }
          }
        };
    if (tasks == 1) {
      body.run(0, 0, 1);
    } else {
      threads.parallelFor(tasks, 1, body);
    }
  }

  /** Computes the block {@code C[r0:r1, c0:c1]} on the calling thread. */
  private void blockD(
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
      int r0,
      int r1,
      int c0,
      int c1,
      double[] sharedB) {
    DWorkspace work = D_WORKSPACE.get();
    double[] packedA = work.packedA;
    double[] packedB = work.packedB;
    double[] tile = work.tile;
    // Operands already laid out like a panel (op(A) stored transposed, op(B) stored as is) are
    // read in place; only their ragged edge panels are packed.
    boolean directA = transposeA && readInPlace(m, 8);
    boolean directB = !transposeB && readInPlace(n, 8);
    for (int jc = c0; jc < c1; jc += D_NC) {
      int nc = Math.min(D_NC, c1 - jc);
      for (int pc = 0; pc < k; pc += D_KC) {
        int kc = Math.min(D_KC, k - pc);
        boolean accumulate = pc > 0;
        if (sharedB == null) {
          packDB(b, bOffset, transposeB, n, k, pc, kc, jc, nc, packedB, directB);
        }
        for (int ic = r0; ic < r1; ic += D_MC) {
          int mc = Math.min(D_MC, r1 - ic);
          packDA(a, aOffset, transposeA, m, k, ic, mc, pc, kc, packedA, directA);
          for (int jr = 0; jr < nc; jr += D_NR) {
            int cols = Math.min(D_NR, nc - jr);
            boolean bInPlace = directB && cols == D_NR;
            double[] bPanel = bInPlace ? b : sharedB != null ? sharedB : packedB;
            int bIndex =
                bInPlace
                    ? bOffset + pc * n + jc + jr
                    : sharedB != null
                        ? pc * roundUp(n, D_NR) + (jc + jr) / D_NR * kc * D_NR
                        : (jr / D_NR) * kc * D_NR;
            int ldb = bInPlace ? n : D_NR;
            for (int ir = 0; ir < mc; ir += D_MR) {
              int rows = Math.min(D_MR, mc - ir);
              boolean aInPlace = directA && rows == D_MR;
              double[] aPanel = aInPlace ? a : packedA;
              int aIndex = aInPlace ? aOffset + pc * m + ic + ir : (ir / D_MR) * kc * D_MR;
              int lda = aInPlace ? m : D_MR;
              int cIndex = cOffset + (ic + ir) * n + jc + jr;
              if (rows == D_MR && cols == D_NR) {
                VectorMicroKernels.kernelD(
                    kc, aPanel, aIndex, lda, bPanel, bIndex, ldb, c, cIndex, n, accumulate);
                continue;
              }
              if (cols <= D_NR / 2) {
                VectorMicroKernels.kernelNarrowD(
                    kc, aPanel, aIndex, lda, bPanel, bIndex, ldb, tile, 0, D_NR, false);
              } else {
                VectorMicroKernels.kernelD(
                    kc, aPanel, aIndex, lda, bPanel, bIndex, ldb, tile, 0, D_NR, false);
              }
              for (int r = 0; r < rows; r++) {
                int target = cIndex + r * n;
                int source = r * D_NR;
                if (accumulate) {
                  for (int j = 0; j < cols; j++) {
                    c[target + j] += tile[source + j];
                  }
                } else {
                  System.arraycopy(tile, source, c, target, cols);
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * Packs rows {@code [i0, i0+mc)} and columns {@code [p0, p0+kc)} of op(A) into panels of MR rows:
   * panel q holds, for each p, the MR values of rows {@code i0 + q*MR + r} (zero past the edge).
   */
  private static void packDA(
      double[] a,
      int aOffset,
      boolean transposeA,
      int m,
      int k,
      int i0,
      int mc,
      int p0,
      int kc,
      double[] packed,
      boolean edgeOnly) {
    int first = edgeOnly ? mc / D_MR * D_MR : 0;
    if (transposeA) {
      // op(A)(i, p) = a[p*m + i]: read each stored row once, contiguously.
      for (int p = 0; p < kc; p++) {
        int source = aOffset + (p0 + p) * m + i0;
        for (int ir = first; ir < mc; ir += D_MR) {
          int rows = Math.min(D_MR, mc - ir);
          int target = (ir / D_MR) * kc * D_MR + p * D_MR;
          for (int r = 0; r < rows; r++) {
            packed[target + r] = a[source + ir + r];
          }
          for (int r = rows; r < D_MR; r++) {
            packed[target + r] = 0.0;
          }
        }
      }
      return;
    }
    for (int ir = first; ir < mc; ir += D_MR) {
      int rows = Math.min(D_MR, mc - ir);
      int base = (ir / D_MR) * kc * D_MR;
      // op(A)(i, p) = a[i*k + p]: one row of A per r, in strips that stay in L1.
      for (int ps = 0; ps < kc; ps += TRANSPOSE_STRIP) {
        int pe = Math.min(kc, ps + TRANSPOSE_STRIP);
        for (int r = 0; r < rows; r++) {
          int source = aOffset + (i0 + ir + r) * k + p0;
          for (int p = ps; p < pe; p++) {
            packed[base + p * D_MR + r] = a[source + p];
          }
        }
      }
      for (int r = rows; r < D_MR; r++) {
        for (int p = 0; p < kc; p++) {
          packed[base + p * D_MR + r] = 0.0;
        }
      }
    }
  }

  /**
   * Packs rows {@code [p0, p0+kc)} and columns {@code [j0, j0+nc)} of op(B) into panels of NR
   * columns: panel q holds, for each p, the NR values of columns {@code j0 + q*NR + j}.
   */
  private static void packDB(
      double[] b,
      int bOffset,
      boolean transposeB,
      int n,
      int k,
      int p0,
      int kc,
      int j0,
      int nc,
      double[] packed,
      boolean edgeOnly) {
    int first = edgeOnly ? nc / D_NR * D_NR : 0;
    for (int jr = first; jr < nc; jr += D_NR) {
      int cols = Math.min(D_NR, nc - jr);
      packDPanel(
          b, bOffset, transposeB, n, k, p0, kc, j0 + jr, cols, packed, (jr / D_NR) * kc * D_NR);
    }
  }

  /**
   * Packs columns {@code [j, j+cols)} (at most NR) of rows {@code [p0, p0+kc)} of op(B) at {@code
   * packed[base..]}: for each p, NR values (zero past the edge).
   */
  private static void packDPanel(
      double[] b,
      int bOffset,
      boolean transposeB,
      int n,
      int k,
      int p0,
      int kc,
      int j,
      int cols,
      double[] packed,
      int base) {
    if (transposeB) {
      // op(B)(p, j) = b[j*k + p]: transpose in strips of TRANSPOSE_STRIP depth steps so that
      // both the rows read and the panel lines written stay in L1.
      for (int ps = 0; ps < kc; ps += TRANSPOSE_STRIP) {
        int pe = Math.min(kc, ps + TRANSPOSE_STRIP);
        for (int jj = 0; jj < cols; jj++) {
          int source = bOffset + (j + jj) * k + p0;
          for (int p = ps; p < pe; p++) {
            packed[base + p * D_NR + jj] = b[source + p];
          }
        }
      }
      for (int jj = cols; jj < D_NR; jj++) {
        for (int p = 0; p < kc; p++) {
          packed[base + p * D_NR + jj] = 0;
        }
      }
    } else {
      for (int p = 0; p < kc; p++) {
        int source = bOffset + (p0 + p) * n + j;
        int target = base + p * D_NR;
        System.arraycopy(b, source, packed, target, cols);
        for (int jj = cols; jj < D_NR; jj++) {
          packed[target + jj] = 0;
        }
      }
    }
  }

  /**
   * Packs all of op(B) (every depth block, every NR panel) in parallel into the calling thread's
   * shared buffer; block {@code pc} starts at {@code pc * roundUp(n, NR)}. Null when op(B) is too
   * large to keep a copy of.
   */
  private double[] prepackDB(double[] b, int bOffset, boolean transposeB, int n, int k) {
    int padded = roundUp(n, D_NR);
    long size = (long) k * padded;
    if (size > PREPACK_LIMIT) {
      return null;
    }
    DWorkspace work = D_WORKSPACE.get();
    if (work.shared == null || work.shared.length < size) {
      work.shared = new double[(int) size];
    }
    double[] packed = work.shared;
    int blocks = (k + D_KC - 1) / D_KC;
    int panels = padded / D_NR;
    threads.parallelFor(
        blocks * panels,
        8,
        (chunk, from, to) -> {
          for (int item = from; item < to; item++) {
            int pc = item / panels * D_KC;
            int kc = Math.min(D_KC, k - pc);
            int j = item % panels * D_NR;
            packDPanel(
                b,
                bOffset,
                transposeB,
                n,
                k,
                pc,
                kc,
                j,
                Math.min(D_NR, n - j),
                packed,
                pc * padded + (j / D_NR) * kc * D_NR);
          }
        });
    return packed;
  }

  /** Per-thread packing buffers, reused across calls. */
  private static final class DWorkspace {
    final double[] packedA = new double[roundUp(D_MC, D_MR) * D_KC];
    final double[] packedB = new double[D_KC * roundUp(D_NC, D_NR)];
    final double[] tile = new double[D_MR * D_NR];

    /** All of op(B), packed for the threads of one product (see prepack). */
    double[] shared;
  }

  private static final ThreadLocal<DWorkspace> D_WORKSPACE =
      ThreadLocal.withInitial(DWorkspace::new);
}
