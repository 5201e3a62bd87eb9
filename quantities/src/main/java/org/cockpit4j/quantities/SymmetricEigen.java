package org.cockpit4j.quantities;

/**
 * Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations (accurate to
 * rounding; meant for Lanczos' tridiagonal matrices of a few dozen rows).
 */
final class SymmetricEigen {
  private final double[] values;
  private final double[][] vectors;

  private SymmetricEigen(double[] values, double[][] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  /** The decomposition of the symmetric {@code matrix} (not modified). */
  static SymmetricEigen of(double[][] matrix) {
    int size = matrix.length;
    double[][] a = new double[size][];
    for (int i = 0; i < size; i++) {
      a[i] = matrix[i].clone();
    }
    double[][] v = new double[size][size];
    for (int i = 0; i < size; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double offDiagonal = 0;
      double total = 0;
      for (int i = 0; i < size; i++) {
        for (int j = 0; j < size; j++) {
          total += a[i][j] * a[i][j];
          if (i != j) {
            offDiagonal += a[i][j] * a[i][j];
          }
        }
      }
      if (offDiagonal <= 1e-30 * total || offDiagonal == 0) {
        break;
      }
      for (int p = 0; p < size - 1; p++) {
        for (int q = p + 1; q < size; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < size; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < size; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < size; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = a[i][i];
    }
    return new SymmetricEigen(values, v);
  }

  /** Eigenvalue {@code i} (unordered). */
  double value(int i) {
    return values[i];
  }

  /** Component {@code row} of eigenvector {@code i}. */
  double vector(int row, int i) {
    return vectors[row][i];
  }

  /** Number of eigenvalues. */
  int size() {
    return values.length;
  }
}
