package org.cockpit4j.plugins.hessianspectrum;

import java.util.function.UnaryOperator;

/**
 * The Lanczos iteration with full re-orthogonalisation (twice, classical Gram-Schmidt) for a
 * symmetric operator, as PyHessian runs it for stochastic Lanczos quadrature: from a unit start
 * vector v₁ it builds an orthonormal basis V of the Krylov space and the tridiagonal {@code T = Vᵀ
 * A V} (diagonal α, off-diagonal β). Stops early when β falls below {@code 1e-10·(|α| + β)} (an
 * invariant subspace: T's eigenvalues are then exact eigenvalues of A).
 */
final class Lanczos {
  private Lanczos() {}

  /**
   * The tridiagonal of {@code steps} Lanczos steps (fewer on early stop).
   *
   * @param operator {@code v ↦ A v}
   * @param start the start vector, of unit norm
   * @param steps at most this many steps (and at most the dimension)
   */
  static Tridiagonal run(UnaryOperator<double[]> operator, double[] start, int steps) {
    int dimension = start.length;
    int limit = Math.min(steps, dimension);
    double[][] basis = new double[limit][];
    double[] alpha = new double[limit];
    double[] beta = new double[limit];
    basis[0] = start.clone();
    int count = 0;
    for (int j = 0; j < limit; j++) {
      double[] w = operator.apply(basis[j]);
      if (w.length != dimension) {
        throw new IllegalStateException(
            "The operator returned " + w.length + " entries for a vector of " + dimension);
      }
      alpha[j] = dot(w, basis[j]);
      count = j + 1;
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i <= j; i++) {
          double projection = dot(w, basis[i]);
          for (int k = 0; k < dimension; k++) {
            w[k] -= projection * basis[i][k];
          }
        }
      }
      if (j == limit - 1) {
        break;
      }
      double norm = Math.sqrt(dot(w, w));
      beta[j] = norm;
      if (!(norm > 1e-10 * (Math.abs(alpha[j]) + norm)) || norm == 0) {
        break;
      }
      for (int k = 0; k < dimension; k++) {
        w[k] /= norm;
      }
      basis[j + 1] = w;
    }
    double[] diagonal = java.util.Arrays.copyOf(alpha, count);
    double[] offDiagonal = java.util.Arrays.copyOf(beta, Math.max(0, count - 1));
    return new Tridiagonal(diagonal, offDiagonal);
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /**
   * A symmetric tridiagonal matrix.
   *
   * @param diagonal α₁..α_m
   * @param offDiagonal β₁..β_{m−1}
   */
  record Tridiagonal(double[] diagonal, double[] offDiagonal) {

    /** Its size m. */
    int size() {
      return diagonal.length;
    }

    /** As a dense m×m matrix. */
    double[][] dense() {
      int m = size();
      double[][] matrix = new double[m][m];
      for (int i = 0; i < m; i++) {
        matrix[i][i] = diagonal[i];
        if (i + 1 < m) {
          matrix[i][i + 1] = offDiagonal[i];
          matrix[i + 1][i] = offDiagonal[i];
        }
      }
      return matrix;
    }
  }
}
