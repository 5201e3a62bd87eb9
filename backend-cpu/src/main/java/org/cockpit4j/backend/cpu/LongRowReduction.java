package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.ReduceOp;

/**
 * Reduces a few very long rows in parallel: each row is cut into fixed blocks of {@link #BLOCK}
 * elements (independent of the thread count), the blocks are reduced in parallel and their results
 * combined in block order, so the result is the same for any number of threads.
 */
final class LongRowReduction {
  private LongRowReduction() {}

  /** Elements per block. */
  static final int BLOCK = 16384;

  static double reduce(CpuThreads threads, ReduceOp op, Object x, int from, int count) {
    int blocks = (count + BLOCK - 1) / BLOCK;
    double[] partial = new double[blocks];
    threads.parallelFor(
        blocks,
        1,
        (chunk, first, last) -> {
          for (int block = first; block < last; block++) {
            int start = from + block * BLOCK;
            int length = Math.min(BLOCK, from + count - start);
            partial[block] =
                x instanceof float[] f
                    ? Reductions.reduceRow(op, f, start, length)
                    : Reductions.reduceRow(op, (double[]) x, start, length);
          }
        });
    double acc = Reductions.initial(op);
    for (double value : partial) {
      switch (op) {
        case MAX:
          acc = Math.max(acc, value);
          break;
        case MIN:
          acc = Math.min(acc, value);
          break;
        default:
          acc += value;
      }
    }
    return acc;
  }
}
