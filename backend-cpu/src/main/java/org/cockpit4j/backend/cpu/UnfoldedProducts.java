package org.cockpit4j.backend.cpu;

/**
 * The convolution products on an unfolded input that has not been stored ({@link Unfolding}): each
 * thread unfolds one member (or its share of the channels) at a time into a scratch that stays in
 * cache and multiplies it right away. Each result element sees the same multiply-adds in the same
 * order as the product on the stored unfolded input, so the results are identical.
 */
final class UnfoldedProducts {
  private UnfoldedProducts() {}

  /**
   * {@code out[n] = w X[n]} for every member n of the unfolded input X: {@code w [O, K]} with
   * {@code K = C*kH*kW}, {@code out [N, O, P]}. Members are split among threads.
   */
  static void forward(
      CpuThreads threads, Gemm gemm, float[] w, int outChannels, Unfolding x, float[] out) {
    int rows = x.rows();
    int positions = x.positions;
    int panelRows = gemm.registerRows();
    // w, shared by every member's product, laid out once as the kernels read it.
    MatrixLayout weight = MatrixLayout.panels(outChannels, rows, panelRows);
    float[] panels = MatrixLayout.toPanels(MatrixLayout.dense(outChannels, rows, 0), w, panelRows);
    threads.parallelFor(
        x.batch,
        1,
        (chunk, from, to) -> {
          // Two members side by side: fewer ragged column panels than one at a time.
          float[] columns = ArrayPool.floats(rows * 2 * positions);
          for (int n = from; n < to; n += 2) {
            int count = Math.min(2, to - n);
            int width = count * positions;
            for (int member = 0; member < count; member++) {
              x.unfold(n + member, 0, x.channels, columns, member * positions, width);
            }
            gemm.multiply(
                weight,
                panels,
                MatrixLayout.dense(rows, width, 0),
                columns,
                MatrixLayout.columnBatch(
                    count,
                    outChannels,
                    positions,
                    n * outChannels * positions,
                    outChannels * positions),
                out,
                false,
                false);
          }
          ArrayPool.recycle(columns);
        });
    ArrayPool.recycle(panels);
  }

  /** Members per partial sum when a weight gradient is split over the batch. */
  static final int MEMBER_BLOCK = 16;

  /** Fewest input channels for which a weight gradient is split over the channels. */
  static final int CHANNEL_SPLIT = 8;

  /**
   * {@code out = Σ_n delta[n] X[n]ᵀ} for the unfolded input X: {@code delta [N, O, P]}, {@code out
   * [O, K]}. Computed transposed ({@code X[n] delta[n]ᵀ}, X read by rows). With at least {@link
   * #CHANNEL_SPLIT} input channels the channels are split among threads, each adding the members in
   * order into its rows of the result; with fewer (a first layer) the batch is cut into fixed
   * blocks of {@link #MEMBER_BLOCK} members whose partial sums are added in block order. Either way
   * the result does not depend on the number of threads.
   */
  static void weightGradient(
      CpuThreads threads, Gemm gemm, float[] delta, int outChannels, Unfolding x, float[] out) {
    int rows = x.rows();
    float[] transposed; // [K, O]
    if (x.channels >= CHANNEL_SPLIT) {
      transposed = ArrayPool.floats(rows * outChannels);
      // One piece per thread: each piece packs every member's delta.
      threads.parallelForPerThread(
          x.channels,
          (chunk, c0, c1) ->
              addMembers(
                  gemm,
                  delta,
                  outChannels,
                  x,
                  c0,
                  c1,
                  0,
                  x.batch,
                  transposed,
                  c0 * x.window * outChannels));
    } else {
      int blocks = (x.batch + MEMBER_BLOCK - 1) / MEMBER_BLOCK;
      float[] partial = ArrayPool.floats(blocks * rows * outChannels);
      threads.parallelFor(
          blocks,
          1,
          (chunk, from, to) -> {
            for (int block = from; block < to; block++) {
              int first = block * MEMBER_BLOCK;
              int last = Math.min(x.batch, first + MEMBER_BLOCK);
              float[] part = ArrayPool.floats(rows * outChannels);
              addMembers(gemm, delta, outChannels, x, 0, x.channels, first, last, part, 0);
              System.arraycopy(part, 0, partial, block * rows * outChannels, rows * outChannels);
              ArrayPool.recycle(part);
            }
          });
      transposed = ArrayPool.floats(rows * outChannels);
      System.arraycopy(partial, 0, transposed, 0, rows * outChannels);
      for (int block = 1; block < blocks; block++) {
        int base = block * rows * outChannels;
        for (int i = 0; i < rows * outChannels; i++) {
          transposed[i] += partial[base + i];
        }
      }
      ArrayPool.recycle(partial);
    }
    for (int o = 0; o < outChannels; o++) {
      for (int r = 0; r < rows; r++) {
        out[o * rows + r] = transposed[r * outChannels + o];
      }
    }
    ArrayPool.recycle(transposed);
  }

  /**
   * Writes {@code Σ_{n in [first, last)} X[n, rows of channels c0..c1) delta[n]ᵀ}, a row-major
   * {@code [(c1-c0)*kH*kW, O]} matrix, to {@code target[targetOffset..]}, adding the members in
   * order.
   */
  private static void addMembers(
      Gemm gemm,
      float[] delta,
      int outChannels,
      Unfolding x,
      int c0,
      int c1,
      int first,
      int last,
      float[] target,
      int targetOffset) {
    int positions = x.positions;
    int share = (c1 - c0) * x.window;
    float[] columns = ArrayPool.floats(share * positions);
    MatrixLayout columnLayout = MatrixLayout.dense(share, positions, 0);
    MatrixLayout rows = MatrixLayout.dense(share, outChannels, targetOffset);
    for (int n = first; n < last; n++) {
      x.unfold(n, c0, c1, columns, 0, positions);
      gemm.multiply(
          columnLayout,
          columns,
          MatrixLayout.operand(outChannels, positions, n * outChannels * positions, true),
          delta,
          rows,
          target,
          n > first,
          false);
    }
    ArrayPool.recycle(columns);
  }
}
