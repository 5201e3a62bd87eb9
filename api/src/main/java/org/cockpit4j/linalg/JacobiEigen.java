package org.cockpit4j.linalg;

/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method (Golub and Van Loan,
 * Matrix Computations, §8.5): rotations zero the off-diagonal entries one by one until their sum of
 * squares is negligible. Accurate to rounding and fine for the few dozen rows of a Lanczos
 * tridiagonal.
 */
public final class JacobiEigen {
  private JacobiEigen() {}

  /**
   * The decomposition of {@code matrix} (not modified).
   *
   * @return eigenvalues ascending, and eigenvectors as columns in the same order
   */
  public static Result decompose(double[][] matrix) {
    int n = matrix.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double total = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          total += a[i][j] * a[i][j];
          if (i != j) {
            off += a[i][j] * a[i][j];
          }
        }
      }
      if (off <= 1e-30 * total || off == 0) {
        break;
      }
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
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
          for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(a[x][x], a[y][y]));
    double[] values = new double[n];
    double[][] vectors = new double[n][n];
    for (int column = 0; column < n; column++) {
      int source = order[column];
      values[column] = a[source][source];
      for (int row = 0; row < n; row++) {
        vectors[row][column] = v[row][source];
      }
    }
    return new Result(values, vectors);
  }

  /**
   * Eigenvalues (ascending) and eigenvectors (columns).
   *
   * @param values the eigenvalues
   * @param vectors {@code vectors[row][column]}: column k belongs to {@code values[k]}
   */
  public record Result(double[] values, double[][] vectors) {

    /** Eigenvalue {@code i} (ascending order). */
    public double value(int i) {
      return values[i];
    }

    /** Component {@code row} of eigenvector {@code i}. */
    public double vector(int row, int i) {
      return vectors[row][i];
    }

    /** Number of eigenvalues. */
    public int size() {
      return values.length;
    }
  }
}
