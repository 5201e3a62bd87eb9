package org.cockpit4j.backend.cpu;

/**
 * The float32 BLIS-style product {@code C = A B} on {@link MatrixLayout}s: column blocks of NC,
 * depth blocks of at most KC, row blocks of MC, and the MR x NR Vector API micro-kernels. Because
 * the layouts are two-level, one call multiplies a shared matrix by a whole batch (the batch's
 * columns side by side) or sums products over a batch (a grouped depth), so that panels are packed
 * once and the kernels run on large tiles.
 *
 * <p>Operands are read in place wherever the kernels allow it (A stored transposed, or by rows when
 * C has at most {@link #ROW_COLUMNS} columns; B with contiguous rows) and packed otherwise; tiles
 * that straddle a group boundary or the edge go through a small buffer. When B needs a transposing
 * pack and C has few rows, the product is computed transposed ({@code Cᵀ = Bᵀ Aᵀ}) so that B is
 * read by rows instead.
 *
 * <p>Threads split C into contiguous row or column ranges aligned to the register block. Depth
 * blocks never cross a group boundary and do not depend on the split, and every kernel performs the
 * same multiply-adds in the same order, so results do not depend on the number of threads.
 */
final class BlockedFloatGemm {
  static final int MR = VectorMicroKernels.F_MR;
  static final int NR = VectorMicroKernels.F_NR;
  static final int KC = 512;
  static final int MC = 128;
  static final int NC = 2048;

  /** Most elements of op(B) packed once for all threads (beyond it each thread packs its own). */
  private static final long PREPACK_LIMIT = 1L << 23;

  /** Below this many multiply-adds a product stays on one thread. */
  private static final long PARALLEL_WORK = 1L << 20;

  /** Depth steps per strip when packing transposes (one cache line of each row read). */
  private static final int STRIP = 16;

  /** Most columns of C for which A is read in place by rows rather than packed. */
  static final int ROW_COLUMNS = 4 * NR;

  private final CpuThreads threads;

  BlockedFloatGemm(CpuThreads threads) {
    this.threads = threads;
  }

  /**
   * Overwrites C ({@code m x n}) with {@code A B} ({@code A: m x k}, {@code B: k x n}), or adds
   * {@code A B} to it when {@code accumulate}; uses the thread pool only when {@code parallel}.
   */
  void multiply(
      MatrixLayout a,
      float[] aData,
      MatrixLayout b,
      float[] bData,
      MatrixLayout c,
      float[] cData,
      boolean accumulate,
      boolean parallel) {
    int m = a.rows();
    int k = a.cols();
    int n = b.cols();
    if (b.rows() != k || c.rows() != m || c.cols() != n) {
      throw new IllegalArgumentException("layouts do not chain: A " + a + ", B " + b + ", C " + c);
    }
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      if (!accumulate) {
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            cData[c.index(i, j)] = 0f;
          }
        }
      }
      return;
    }
    if (!worthTransposing(a, b)) {
      new Job(a, aData, b, bData, c, cData, accumulate, parallel).run();
    } else if (c.rowStride() == 1) {
      new Job(
              b.transpose(),
              bData,
              a.transpose(),
              aData,
              c.transpose(),
              cData,
              accumulate,
              parallel)
          .run();
    } else {
      // Cᵀ into a row-major scratch (tiles written in place), then copied over transposed.
      float[] scratch = ArrayPool.floats(n * m);
      new Job(
              b.transpose(),
              bData,
              a.transpose(),
              aData,
              MatrixLayout.dense(n, m, 0),
              scratch,
              false,
              parallel)
          .run();
      copyTransposed(scratch, c, cData, accumulate);
      ArrayPool.recycle(scratch);
    }
  }

  /**
   * Writes (or adds, when {@code accumulate}) the transpose of the row-major {@code n x m} matrix
   * {@code t} into C ({@code m x n}).
   */
  static void copyTransposed(float[] t, MatrixLayout c, float[] cData, boolean accumulate) {
    int m = c.rows();
    int n = c.cols();
    int tileSize = 32;
    for (int i0 = 0; i0 < m; i0 += tileSize) {
      int i1 = Math.min(m, i0 + tileSize);
      for (int j0 = 0; j0 < n; j0 += tileSize) {
        int j1 = Math.min(n, j0 + tileSize);
        for (int i = i0; i < i1; i++) {
          int row = c.offset() + c.rowOffset(i);
          if (c.colStride() == 1 && c.oneColGroup(j0, j1 - j0)) {
            int target = row + c.colOffset(j0);
            for (int j = j0; j < j1; j++) {
              float value = t[j * m + i];
              cData[target + j - j0] = accumulate ? cData[target + j - j0] + value : value;
            }
          } else {
            for (int j = j0; j < j1; j++) {
              int index = row + c.colOffset(j);
              cData[index] = accumulate ? cData[index] + t[j * m + i] : t[j * m + i];
            }
          }
        }
      }
    }
  }

  /**
   * Whether {@code Cᵀ = Bᵀ Aᵀ} is cheaper: B would need a transposing pack (its columns are not
   * contiguous) while Bᵀ can be read in place by rows (C has few rows), and Aᵀ, which is packed
   * instead, is the smaller operand.
   */
  private static boolean worthTransposing(MatrixLayout a, MatrixLayout b) {
    return b.colStride() != 1
        && b.rowStride() == 1
        && a.rows() <= ROW_COLUMNS
        && b.cols() > a.rows()
        && VectorGemm.readInPlace(b.colStride(), 4);
  }

  /** One product: its layouts, depth blocks, partition and (maybe) shared packed B. */
  private final class Job {
    final MatrixLayout a;
    final float[] aData;
    final MatrixLayout b;
    final float[] bData;
    final MatrixLayout c;
    final float[] cData;
    final int m;
    final int n;
    final int k;
    final boolean parallel;

    /** Whether the first depth block adds to C too (instead of overwriting it). */
    final boolean accumulateAll;

    /** Depth block starts (plus k at the end). */
    final int[] depth;

    /** A panels read in place as stored-transposed panels (element (r, p) at p*lda + r). */
    final boolean aPanels;

    /** A panels read in place by rows (element (r, p) at r*lda + p). */
    final boolean aRows;

    /** Whether full B panels can be read in place (when inside one column group). */
    final boolean bDirect;

    /** Whether full C tiles can be written in place (when inside one row and column group). */
    final boolean cDirect;

    /** All of B packed for every thread, or null. */
    float[] sharedB;

    int paddedN;

    Job(
        MatrixLayout a,
        float[] aData,
        MatrixLayout b,
        float[] bData,
        MatrixLayout c,
        float[] cData,
        boolean accumulateAll,
        boolean parallel) {
      this.a = a;
      this.aData = aData;
      this.b = b;
      this.bData = bData;
      this.c = c;
      this.cData = cData;
      this.m = a.rows();
      this.n = b.cols();
      this.k = a.cols();
      this.parallel = parallel;
      this.accumulateAll = accumulateAll;
      this.depth = depthBlocks(k, a.colGroup(), b.rowGroup());
      this.aPanels = a.rowStride() == 1 && VectorGemm.readInPlace(a.colStride(), 4);
      this.aRows =
          !aPanels
              && a.colStride() == 1
              && n <= ROW_COLUMNS
              && VectorGemm.readInPlace(a.rowStride(), 4);
      this.bDirect = b.colStride() == 1 && VectorGemm.readInPlace(b.rowStride(), 4);
      this.cDirect = c.colStride() == 1;
      this.paddedN = VectorGemm.roundUp(n, NR);
    }

    void run() {
      int tasks = 1;
      if (parallel && (long) m * n * k >= PARALLEL_WORK) {
        tasks = threads.chunkCount(Integer.MAX_VALUE, 1);
      }
      // Split the longer side: threads splitting rows share one packed copy of B, threads
      // splitting columns each pack the A blocks they need (A then is the smaller operand).
      boolean splitRows = m >= n;
      int unit = splitRows ? MR : NR;
      int extent = splitRows ? m : n;
      int blocks = (extent + unit - 1) / unit;
      tasks = Math.max(1, Math.min(tasks, blocks));
      if (tasks > 1 && splitRows && needsPackedB()) {
        sharedB = prepackB();
      }
      int taskCount = tasks;
      CpuThreads.RangeBody body =
          (chunk, from, to) -> {
            for (int task = from; task < to; task++) {
              int start = Math.min(extent, (int) ((long) blocks * task / taskCount) * unit);
              int end =
                  task + 1 == taskCount
                      ? extent
                      : Math.min(extent, (int) ((long) blocks * (task + 1) / taskCount) * unit);
              if (splitRows) {
                block(start, end, 0, n);
              } else {
                block(0, m, start, end);
              }
            }
          };
      if (tasks == 1) {
        body.run(0, 0, 1);
      } else {
        threads.parallelFor(tasks, 1, body);
      }
    }

    private boolean needsPackedB() {
      return !bDirect || n % NR != 0 || b.colGroup() % NR != 0;
    }

    /** Whether the B panel of columns {@code [j0, j0 + cols)} is read in place. */
    boolean bInPlace(int j0, int cols) {
      return bDirect && cols == NR && b.oneColGroup(j0, NR);
    }

    /** Whether the A panel of rows {@code [i0, i0 + rows)} is read in place. */
    boolean aInPlace(int i0, int rows) {
      return (aPanels || aRows) && rows == MR && a.oneRowGroup(i0, MR);
    }

    /** Computes the block {@code C[r0:r1, c0:c1]} on the calling thread. */
    void block(int r0, int r1, int c0, int c1) {
      Workspace work = WORKSPACE.get();
      float[] packedA = work.packedA;
      float[] packedB = work.packedB;
      for (int jc = c0; jc < c1; jc += NC) {
        int nc = Math.min(NC, c1 - jc);
        for (int d = 0; d + 1 < depth.length; d++) {
          int pc = depth[d];
          int kc = depth[d + 1] - pc;
          work.kc = kc;
          boolean accumulate = accumulateAll || d > 0;
          if (sharedB == null) {
            for (int jr = 0; jr < nc; jr += NR) {
              int cols = Math.min(NR, nc - jr);
              if (!bInPlace(jc + jr, cols)) {
                packBPanel(pc, kc, jc + jr, cols, packedB, (jr / NR) * kc * NR, work);
              }
            }
          }
          for (int ic = r0; ic < r1; ic += MC) {
            int mc = Math.min(MC, r1 - ic);
            for (int ir = 0; ir < mc; ir += MR) {
              int rows = Math.min(MR, mc - ir);
              if (!aInPlace(ic + ir, rows)) {
                packAPanel(ic + ir, rows, pc, kc, packedA, (ir / MR) * kc * MR, work);
              }
            }
            for (int jr = 0; jr < nc; jr += NR) {
              int j0 = jc + jr;
              int cols = Math.min(NR, nc - jr);
              float[] bPanel = bPanel(work, pc, jr, j0, cols);
              int bIndex = work.bIndex;
              int ldb = work.ldb;
              // A read by rows and two full panels of C columns: 4 x 2NR kernels (fewer loads).
              boolean wide =
                  aRows && cols == NR && jr + 2 * NR <= nc && cDirect && c.oneColGroup(j0, 2 * NR);
              int bIndex1 = 0;
              if (wide) {
                float[] second = bPanel(work, pc, jr + NR, j0 + NR, NR);
                bIndex1 = work.bIndex;
                wide = second == bPanel && work.ldb == ldb;
              }
              for (int ir = 0; ir < mc; ir += MR) {
                int i0 = ic + ir;
                int rows = Math.min(MR, mc - ir);
                if (wide && aInPlace(i0, rows) && c.oneRowGroup(i0, MR)) {
                  int aIndex = a.index(i0, pc);
                  int lda = a.rowStride();
                  int cIndex = c.index(i0, j0);
                  int ldc = c.rowStride();
                  int half = MR / 2;
                  VectorRowKernels.kernelRowWideF(
                      kc,
                      aData,
                      aIndex,
                      lda,
                      bPanel,
                      bIndex,
                      bIndex1,
                      ldb,
                      cData,
                      cIndex,
                      ldc,
                      accumulate);
                  VectorRowKernels.kernelRowWideF(
                      kc,
                      aData,
                      aIndex + half * lda,
                      lda,
                      bPanel,
                      bIndex,
                      bIndex1,
                      ldb,
                      cData,
                      cIndex + half * ldc,
                      ldc,
                      accumulate);
                } else {
                  tile(work, ic, ir, rows, pc, kc, j0, cols, bPanel, bIndex, ldb, accumulate);
                  if (wide) {
                    tile(work, ic, ir, rows, pc, kc, j0 + NR, NR, bPanel, bIndex1, ldb, accumulate);
                  }
                }
              }
              if (wide) {
                jr += NR;
              }
            }
          }
        }
      }
    }

    /**
     * Where the kernels read B's panel of columns {@code [j0, j0 + cols)} (the {@code jr}-th of the
     * column block) for the depth block at {@code pc}: returns the array, leaves the index and
     * leading dimension in {@code work.bIndex} and {@code work.ldb}.
     */
    private float[] bPanel(Workspace work, int pc, int jr, int j0, int cols) {
      int kc = work.kc;
      if (bInPlace(j0, cols)) {
        work.bIndex = b.index(pc, j0);
        work.ldb = b.rowStride();
        return bData;
      }
      work.ldb = NR;
      if (sharedB != null) {
        work.bIndex = pc * paddedN + (j0 / NR) * kc * NR;
        return sharedB;
      }
      work.bIndex = (jr / NR) * kc * NR;
      return work.packedB;
    }

    /** One MR x NR tile of C at rows {@code ic + ir}, columns {@code j0}, for one depth block. */
    private void tile(
        Workspace work,
        int ic,
        int ir,
        int rows,
        int pc,
        int kc,
        int j0,
        int cols,
        float[] bPanel,
        int bIndex,
        int ldb,
        boolean accumulate) {
      int i0 = ic + ir;
      boolean inPlace = aInPlace(i0, rows);
      float[] aPanel = inPlace ? aData : work.packedA;
      int aIndex = inPlace ? a.index(i0, pc) : (ir / MR) * kc * MR;
      boolean byRows = inPlace && aRows;
      int lda = inPlace ? (aRows ? a.rowStride() : a.colStride()) : MR;
      if (cDirect && cols == NR && rows == MR && c.oneColGroup(j0, NR) && c.oneRowGroup(i0, MR)) {
        kernel(
            byRows,
            false,
            kc,
            aPanel,
            aIndex,
            lda,
            bPanel,
            bIndex,
            ldb,
            cData,
            c.index(i0, j0),
            c.rowStride(),
            accumulate);
      } else {
        kernel(
            byRows,
            cols <= NR / 2,
            kc,
            aPanel,
            aIndex,
            lda,
            bPanel,
            bIndex,
            ldb,
            work.tile,
            0,
            NR,
            false);
        storeTile(work, i0, rows, j0, cols, accumulate);
      }
    }

    /** Adds (or copies) {@code tile[0:rows, 0:cols]} to C at {@code (i0, j0)}. */
    private void storeTile(Workspace work, int i0, int rows, int j0, int cols, boolean accumulate) {
      float[] tile = work.tile;
      if (c.colStride() == 1 && c.oneColGroup(j0, cols)) {
        int column = c.colOffset(j0);
        for (int r = 0; r < rows; r++) {
          int target = c.offset() + c.rowOffset(i0 + r) + column;
          int source = r * NR;
          if (accumulate) {
            for (int j = 0; j < cols; j++) {
              cData[target + j] += tile[source + j];
            }
          } else {
            System.arraycopy(tile, source, cData, target, cols);
          }
        }
        return;
      }
      int[] columns = work.offsets;
      for (int j = 0; j < cols; j++) {
        columns[j] = c.colOffset(j0 + j);
      }
      if (c.rowStride() == 1 && c.oneRowGroup(i0, rows)) {
        // Cᵀ computed: each column of the tile is a contiguous run of C.
        int base = c.offset() + c.rowOffset(i0);
        for (int j = 0; j < cols; j++) {
          int target = base + columns[j];
          if (accumulate) {
            for (int r = 0; r < rows; r++) {
              cData[target + r] += tile[r * NR + j];
            }
          } else {
            for (int r = 0; r < rows; r++) {
              cData[target + r] = tile[r * NR + j];
            }
          }
        }
        return;
      }
      for (int r = 0; r < rows; r++) {
        int base = c.offset() + c.rowOffset(i0 + r);
        for (int j = 0; j < cols; j++) {
          if (accumulate) {
            cData[base + columns[j]] += tile[r * NR + j];
          } else {
            cData[base + columns[j]] = tile[r * NR + j];
          }
        }
      }
    }

    /**
     * Packs rows {@code [i0, i0 + rows)} (at most MR) and depth {@code [p0, p0 + kc)} of A at
     * {@code packed[base..]}: for each p, MR values (zero past the edge).
     */
    private void packAPanel(
        int i0, int rows, int p0, int kc, float[] packed, int base, Workspace w) {
      int column = a.offset() + a.colOffset(p0);
      int colStride = a.colStride();
      int[] rowStart = w.offsets;
      for (int r = 0; r < rows; r++) {
        rowStart[r] = column + a.rowOffset(i0 + r);
      }
      if (colStride == 1) {
        // Each row contiguous along the depth: read strips of every row, so that both the rows
        // read and the panel lines written stay in L1.
        for (int ps = 0; ps < kc; ps += STRIP) {
          int pe = Math.min(kc, ps + STRIP);
          for (int r = 0; r < rows; r++) {
            int source = rowStart[r];
            for (int p = ps; p < pe; p++) {
              packed[base + p * MR + r] = aData[source + p];
            }
          }
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int step = p * colStride;
          int target = base + p * MR;
          for (int r = 0; r < rows; r++) {
            packed[target + r] = aData[rowStart[r] + step];
          }
        }
      }
      if (rows < MR) {
        for (int p = 0; p < kc; p++) {
          for (int r = rows; r < MR; r++) {
            packed[base + p * MR + r] = 0f;
          }
        }
      }
    }

    /**
     * Packs depth {@code [p0, p0 + kc)} and columns {@code [j0, j0 + cols)} (at most NR) of B at
     * {@code packed[base..]}: for each p, NR values (zero past the edge).
     */
    void packBPanel(int p0, int kc, int j0, int cols, float[] packed, int base, Workspace w) {
      int row = b.offset() + b.rowOffset(p0);
      int rowStride = b.rowStride();
      if (b.colStride() == 1) {
        // Rows contiguous within a column group: copy each group's run.
        for (int j = 0; j < cols; ) {
          int end = Math.min(cols, b.nextColGroup(j0 + j) - j0);
          int source = row + b.colOffset(j0 + j);
          int length = end - j;
          for (int p = 0; p < kc; p++) {
            System.arraycopy(bData, source + p * rowStride, packed, base + p * NR + j, length);
          }
          j = end;
        }
      } else {
        int[] colStart = w.offsets;
        for (int j = 0; j < cols; j++) {
          colStart[j] = row + b.colOffset(j0 + j);
        }
        if (rowStride == 1) {
          // B stored transposed: transpose in strips so that rows read and lines written stay in
          // L1.
          for (int ps = 0; ps < kc; ps += STRIP) {
            int pe = Math.min(kc, ps + STRIP);
            for (int j = 0; j < cols; j++) {
              int source = colStart[j];
              for (int p = ps; p < pe; p++) {
                packed[base + p * NR + j] = bData[source + p];
              }
            }
          }
        } else {
          for (int p = 0; p < kc; p++) {
            int step = p * rowStride;
            int target = base + p * NR;
            for (int j = 0; j < cols; j++) {
              packed[target + j] = bData[colStart[j] + step];
            }
          }
        }
      }
      if (cols < NR) {
        for (int p = 0; p < kc; p++) {
          int target = base + p * NR;
          for (int j = cols; j < NR; j++) {
            packed[target + j] = 0f;
          }
        }
      }
    }

    /**
     * Packs every panel of B that is not read in place, for every depth block, in parallel into the
     * calling thread's shared buffer: block {@code pc} starts at {@code pc * paddedN}. Null when B
     * is too large to keep a copy of.
     */
    private float[] prepackB() {
      long size = (long) k * paddedN;
      if (size > PREPACK_LIMIT) {
        return null;
      }
      Workspace work = WORKSPACE.get();
      if (work.shared == null || work.shared.length < size) {
        work.shared = new float[(int) size];
      }
      float[] packed = work.shared;
      int blocks = depth.length - 1;
      int panels = paddedN / NR;
      threads.parallelFor(
          blocks * panels,
          8,
          (chunk, from, to) -> {
            Workspace local = WORKSPACE.get();
            for (int item = from; item < to; item++) {
              int d = item / panels;
              int pc = depth[d];
              int kc = depth[d + 1] - pc;
              int j = item % panels * NR;
              int cols = Math.min(NR, n - j);
              if (!bInPlace(j, cols)) {
                packBPanel(pc, kc, j, cols, packed, pc * paddedN + (j / NR) * kc * NR, local);
              }
            }
          });
      return packed;
    }
  }

  /**
   * Depth block starts for depth {@code k} (with {@code k} appended): blocks of at most KC, of
   * nearly equal size, never crossing a multiple of {@code groupA} or {@code groupB}.
   */
  static int[] depthBlocks(int k, int groupA, int groupB) {
    int[] starts = new int[k + 1];
    int count = 0;
    int p = 0;
    while (p < k) {
      int end = k;
      if (groupA < k) {
        end = Math.min(end, (p / groupA + 1) * groupA);
      }
      if (groupB < k) {
        end = Math.min(end, (p / groupB + 1) * groupB);
      }
      int length = end - p;
      int pieces = (length + KC - 1) / KC;
      for (int piece = 0; piece < pieces; piece++) {
        starts[count++] = p + (int) ((long) length * piece / pieces);
      }
      p = end;
    }
    starts[count++] = k;
    return java.util.Arrays.copyOf(starts, count);
  }

  private static void kernel(
      boolean byRows,
      boolean narrow,
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
    if (byRows) {
      if (narrow) {
        VectorRowKernels.kernelRowNarrowF(kc, a, ai, lda, b, bi, ldb, c, ci, ldc, accumulate);
      } else {
        VectorRowKernels.kernelRowF(kc, a, ai, lda, b, bi, ldb, c, ci, ldc, accumulate);
      }
    } else if (narrow) {
      VectorMicroKernels.kernelNarrowF(kc, a, ai, lda, b, bi, ldb, c, ci, ldc, accumulate);
    } else {
      VectorMicroKernels.kernelF(kc, a, ai, lda, b, bi, ldb, c, ci, ldc, accumulate);
    }
  }

  /** Per-thread packing buffers, reused across calls. */
  private static final class Workspace {
    final float[] packedA = new float[VectorGemm.roundUp(MC, MR) * KC];
    final float[] packedB = new float[KC * VectorGemm.roundUp(NC, NR)];
    final float[] tile = new float[MR * NR];
    final int[] offsets = new int[Math.max(MR, NR)];

    /** The current depth block's depth, and where the current B panel is read. */
    int kc;

    int bIndex;
    int ldb;

    /** All of B, packed for the threads of one product (see prepackB). */
    float[] shared;
  }

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);
}
