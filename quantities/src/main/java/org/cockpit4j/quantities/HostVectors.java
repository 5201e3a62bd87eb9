package org.cockpit4j.quantities;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Dense float64 vector operations for Lanczos on large parameter vectors: chunked, run in parallel
 * on the common fork-join pool, with partial sums added in chunk order (the result does not depend
 * on the thread count). Within a chunk, sums run in four interleaved accumulators (a fixed order
 * that keeps the floating-point pipelines busy). Projections against a whole basis read the vector
 * once per chunk; the Lanczos recurrence's steps are fused into single passes.
 */
final class HostVectors {
  private static final int CHUNK = 1 << 15;

  private HostVectors() {}

  private static int chunks(int length) {
    return (length + CHUNK - 1) / CHUNK;
  }

  /** {@code Σ_k a[k]·b[k]} over {@code [from, to)} in four interleaved accumulators. */
  private static double dot(double[] a, double[] b, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = from;
    for (; k + 3 < to; k += 4) {
      s0 += a[k] * b[k];
      s1 += a[k + 1] * b[k + 1];
      s2 += a[k + 2] * b[k + 2];
      s3 += a[k + 3] * b[k + 3];
    }
    for (; k < to; k++) {
      s0 += a[k] * b[k];
    }
    return (s0 + s1) + (s2 + s3);
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
                partial[chunk][i] = dot(v, basis.get(i), from, to);
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
    subtractAndNorm(v, coefficients, basis, false);
  }

  /** {@code v −= Σ_i c_i b_i}; returns the new {@code ‖v‖²}, in one pass. */
  static double subtractAndNorm(double[] v, double[] coefficients, List<double[]> basis) {
    return subtractAndNorm(v, coefficients, basis, true);
  }

  private static double subtractAndNorm(
      double[] v, double[] coefficients, List<double[]> basis, boolean norm) {
    int chunks = chunks(v.length);
    double[] partial = new double[chunks];
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
              if (norm) {
                partial[chunk] = dot(v, v, from, to);
              }
            });
    double result = 0;
    for (double part : partial) {
      result += part;
    }
    return result;
  }

  /**
   * {@code w −= c·p} (skipped when {@code p} is null), then {@code [⟨q, w⟩, ‖w_before‖²]}, in one
   * pass.
   */
  static double[] subtractAndDot(double[] w, double c, double[] p, double[] q) {
    int chunks = chunks(w.length);
    double[][] partial = new double[chunks][2];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              int from = chunk * CHUNK;
              int to = Math.min(w.length, from + CHUNK);
              double squares = dot(w, w, from, to);
              if (p != null) {
                for (int k = from; k < to; k++) {
                  w[k] -= c * p[k];
                }
              }
              partial[chunk][0] = dot(q, w, from, to);
              partial[chunk][1] = squares;
            });
    double[] result = new double[2];
    for (double[] part : partial) {
      result[0] += part[0];
      result[1] += part[1];
    }
    return result;
  }

  /** {@code w −= c·q} in place; returns the new {@code ‖w‖²}, in one pass. */
  static double subtractAndNorm(double[] w, double c, double[] q) {
    return subtractAndNorm(w, new double[] {c}, List.of(q));
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
