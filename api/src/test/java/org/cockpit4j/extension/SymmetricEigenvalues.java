package org.cockpit4j.extension;

/**
 * Eigenvalues of a small dense symmetric matrix, for checking Hessians built from Hessian-vector
 * products: Householder reduction to tridiagonal form, then bisection with Sturm sequence counts
 * for each eigenvalue (robust and accurate to a few ulps of the matrix norm).
 */
public final class SymmetricEigenvalues {
  private SymmetricEigenvalues() {}

  /** All eigenvalues in ascending order. */
  public static double[] of(double[][] matrix) {
    int n = matrix.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
    }
    double[] diagonal = new double[n];
    double[] offDiagonal = new double[Math.max(n - 1, 0)];
    tridiagonalize(a, diagonal, offDiagonal);
    double bound = 0;
    for (int i = 0; i < n; i++) {
      double radius =
          (i > 0 ? Math.abs(offDiagonal[i - 1]) : 0) + (i < n - 1 ? Math.abs(offDiagonal[i]) : 0);
      bound = Math.max(bound, Math.abs(diagonal[i]) + radius);
    }
    double[] eigenvalues = new double[n];
    for (int k = 0; k < n; k++) {
      double low = -bound - 1e-300;
      double high = bound + 1e-300;
      for (int iteration = 0;
          iteration < 200 && high - low > 1e-16 * Math.max(bound, 1e-300);
          iteration++) {
        double middle = 0.5 * (low + high);
        if (countBelow(diagonal, offDiagonal, middle) > k) {
          high = middle;
        } else {
          low = middle;
        }
      }
      eigenvalues[k] = 0.5 * (low + high);
    }
    return eigenvalues;
  }

  /** The Frobenius norm. */
  public static double frobeniusNorm(double[][] matrix) {
    double sum = 0;
    for (double[] row : matrix) {
      for (double value : row) {
        sum += value * value;
      }
    }
    return Math.sqrt(sum);
  }

  private static void tridiagonalize(double[][] a, double[] diagonal, double[] offDiagonal) {
    int n = a.length;
    for (int k = 0; k < n - 2; k++) {
      int m = n - k - 1;
      double[] v = new double[m];
      double norm = 0;
      for (int i = 0; i < m; i++) {
        v[i] = a[k + 1 + i][k];
        norm += v[i] * v[i];
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        continue;
      }
      double alpha = v[0] > 0 ? -norm : norm;
      v[0] -= alpha;
      double vNorm = 0;
      for (double value : v) {
        vNorm += value * value;
      }
      vNorm = Math.sqrt(vNorm);
      if (vNorm == 0) {
        continue;
      }
      for (int i = 0; i < m; i++) {
        v[i] /= vNorm;
      }
      double[] p = new double[m];
      for (int i = 0; i < m; i++) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += a[k + 1 + i][k + 1 + j] * v[j];
        }
        p[i] = sum;
      }
      double projection = 0;
      for (int i = 0; i < m; i++) {
        projection += v[i] * p[i];
      }
      for (int i = 0; i < m; i++) {
        p[i] -= projection * v[i];
      }
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          a[k + 1 + i][k + 1 + j] -= 2 * (v[i] * p[j] + p[i] * v[j]);
        }
      }
      a[k + 1][k] = alpha;
      a[k][k + 1] = alpha;
      for (int i = 1; i < m; i++) {
        a[k + 1 + i][k] = 0;
        a[k][k + 1 + i] = 0;
      }
    }
    for (int i = 0; i < n; i++) {
      diagonal[i] = a[i][i];
      if (i < n - 1) {
        offDiagonal[i] = a[i + 1][i];
      }
    }
  }

  private static int countBelow(double[] diagonal, double[] offDiagonal, double x) {
    int count = 0;
    double q = 1;
    for (int i = 0; i < diagonal.length; i++) {
      double off = i > 0 ? offDiagonal[i - 1] : 0;
      q = diagonal[i] - x - (i > 0 ? off * off / q : 0);
      if (q == 0) {
        q = -1e-300;
      }
      if (q < 0) {
        count++;
      }
    }
    return count;
  }
}
