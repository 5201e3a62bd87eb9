package org.cockpit4j.cockpit;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits the samples of a batch into chunks that the histogram kernels count in parallel (the
 * common fork-join pool), each into its own array; the arrays are then added in chunk order. The
 * counts are integers, so the result does not depend on the number of threads.
 */
final class SampleChunks {
  /** Counts the samples {@code [from, to)} into {@code counts}. */
  @FunctionalInterface
  interface DoubleCounter {
    void count(int from, int to, double[] counts);
  }

  /** Counts the samples {@code [from, to)} into {@code counts}. */
  @FunctionalInterface
  interface LongCounter {
    void count(int from, int to, long[] counts);
  }

  private SampleChunks() {}

  private static int chunks(int batch) {
    return Math.max(1, Math.min(batch, Runtime.getRuntime().availableProcessors()));
  }

  /** The counts of all {@code batch} samples, {@code length} bins. */
  static double[] countDoubles(int batch, int length, DoubleCounter counter) {
    int chunks = chunks(batch);
    if (chunks == 1) {
      double[] counts = new double[length];
      counter.count(0, batch, counts);
      return counts;
    }
    List<double[]> parts =
        IntStream.range(0, chunks)
            .parallel()
            .mapToObj(
                chunk -> {
                  double[] counts = new double[length];
                  counter.count(batch * chunk / chunks, batch * (chunk + 1) / chunks, counts);
                  return counts;
                })
            .toList();
    double[] total = new double[length];
    for (double[] part : parts) {
      for (int k = 0; k < length; k++) {
        total[k] += part[k];
      }
    }
    return total;
  }

  /** The counts of all {@code batch} samples, {@code length} bins. */
  static long[] countLongs(int batch, int length, LongCounter counter) {
    int chunks = chunks(batch);
    if (chunks == 1) {
      long[] counts = new long[length];
      counter.count(0, batch, counts);
      return counts;
    }
    List<long[]> parts =
        IntStream.range(0, chunks)
            .parallel()
            .mapToObj(
                chunk -> {
                  long[] counts = new long[length];
                  counter.count(batch * chunk / chunks, batch * (chunk + 1) / chunks, counts);
                  return counts;
                })
            .toList();
    long[] total = new long[length];
    for (long[] part : parts) {
      for (int k = 0; k < length; k++) {
        total[k] += part[k];
      }
    }
    return total;
  }
}
