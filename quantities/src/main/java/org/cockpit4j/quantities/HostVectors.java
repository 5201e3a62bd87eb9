package org.cockpit4j.quantities;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Dense float64 vector operations for Lanczos on large parameter vectors: chunked, run in parallel
 * on the common fork-join pool, with partial sums added in chunk order (the result does not depend
 * on the thread count). Projections against a whole basis read the vector once per chunk.
 */
final class HostVectors {
  private static final int CHUNK = 1 << 15;

  private HostVectors() {}

  private static int chunks(int length) {
    return (length + CHUNK - 1) / CHUNK;
  }

  /** {@code ⟨a, b⟩}. */
  static double dot(double[] a, double[] b) {
    return dots(a, List.of(b))[0];
  }

  /** {@code ⟨v, b_i⟩} for every vector of {@code basis}. */
  static double[] dots(double[] v, List<double[]> basis) {
    int count = basis.size();
    int chunks = chunks(v.length);
    double[][] partial = new double[chunks][count];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              int from = chunk * CHUNK;
              int to = Math.min(v.length, from + CHUNK);
              for (int i = 0; i < count; i++) {
                double[] b = basis.get(i);
                double sum = 0;
                for (int k = from; k < to; k++) {
                  sum += v[k] * b[k];
                }
                partial[chunk][i] = sum;
              }
            });
    double[] result = new double[count];
    for (double[] part : partial) {
      for (int i = 0; i < count; i++) {
        result[i] += part[i];
      }
    }
    return result;
  }

  /** {@code v −= Σ_i c_i b_i}. */
  static void subtract(double[] v, double[] coefficients, List<double[]> basis) {
    int chunks = chunks(v.length);
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              int from = chunk * CHUNK;
              int to = Math.min(v.length, from + CHUNK);
              for (int i = 0; i < coefficients.length; i++) {
                double c = coefficients[i];
                if (c == 0) {
                  continue;
                }
                double[] b = basis.get(i);
                for (int k = from; k < to; k++) {
                  v[k] -= c * b[k];
                }
              }
            });
  }

  /** {@code Σ_i c_i b_i}. */
  static double[] combine(double[] coefficients, List<double[]> basis, int length) {
    double[] result = new double[length];
    for (int i = 0; i < coefficients.length; i++) {
      coefficients[i] = -coefficients[i];
    }
    subtract(result, coefficients, basis);
    for (int i = 0; i < coefficients.length; i++) {
      coefficients[i] = -coefficients[i];
    }
    return result;
  }

  /** {@code v·a} in place. */
  static void scale(double[] v, double a) {
    IntStream.range(0, chunks(v.length))
        .parallel()
        .forEach(
            chunk -> {
              int to = Math.min(v.length, (chunk + 1) * CHUNK);
              for (int k = chunk * CHUNK; k < to; k++) {
                v[k] *= a;
              }
            });
  }
}
