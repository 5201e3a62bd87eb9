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

  /**
   * {@code out = Σ_n delta[n] X[n]ᵀ} for the unfolded input X: {@code delta [N, O, P]}, {@code out
   * [O, K]}. Computed transposed ({@code X[n] delta[n]ᵀ}, X read by rows), the channels split among
   * threads, each thread adding the members in order into its rows of the result.
   */
  static void weightGradient(
      CpuThreads threads, Gemm gemm, float[] delta, int outChannels, Unfolding x, float[] out) {
    int rows = x.rows();
    int positions = x.positions;
    int window = x.window;
    float[] transposed = ArrayPool.floats(rows * outChannels); // [K, O]
    threads.parallelFor(
        x.channels,
        1,
        (chunk, c0, c1) -> {
          int share = (c1 - c0) * window;
          float[] columns = ArrayPool.floats(share * positions);
          MatrixLayout columnLayout = MatrixLayout.dense(share, positions, 0);
          MatrixLayout target = MatrixLayout.dense(share, outChannels, c0 * window * outChannels);
          for (int n = 0; n < x.batch; n++) {
            x.unfold(n, c0, c1, columns, 0, positions);
            gemm.multiply(
                columnLayout,
                columns,
                MatrixLayout.operand(outChannels, positions, n * outChannels * positions, true),
                delta,
                target,
                transposed,
                n > 0,
                false);
          }
          ArrayPool.recycle(columns);
        });
    for (int o = 0; o < outChannels; o++) {
      for (int r = 0; r < rows; r++) {
        out[o * rows + r] = transposed[r * outChannels + o];
      }
    }
    ArrayPool.recycle(transposed);
  }
}
