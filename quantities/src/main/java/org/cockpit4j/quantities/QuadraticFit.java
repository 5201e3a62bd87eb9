package org.cockpit4j.quantities;

/**
 * Alpha's noisy quadratic fit (float64, as the original's numpy code): the parabola {@code f(τ) =
 * μ₀ + μ₁τ + μ₂τ²} along the update direction from the observations {@code y = [f₀, f₁, df₀, df₁]}
 * at {@code τ = 0, t, 0, t} with features {@code [1,0,0], [1,t,t²], [0,1,0], [0,1,2t]}, weighted by
 * the inverse variances: {@code μ = (ΦΛ⁻¹Φᵀ)⁻¹ΦΛ⁻¹y} with an explicit inverse.
 */
final class QuadraticFit {
  private QuadraticFit() {}

  /**
   * The coefficients μ, or null when {@code ΦΛ⁻¹Φᵀ} is singular (a zero pivot, numpy's
   * LinAlgError).
   */
  static double[] fit(double t, double[] observations, double[] variances) {
    double[][] features = {{1, 0, 0}, {1, t, t * t}, {0, 1, 0}, {0, 1, 2 * t}};
    double[][] normal = new double[3][3];
    double[][] weighted = new double[3][4];
    for (int k = 0; k < 4; k++) {
      for (int i = 0; i < 3; i++) {
        weighted[i][k] = features[k][i] / variances[k];
      }
    }
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (int k = 0; k < 4; k++) {
          sum += weighted[i][k] * features[k][j];
        }
        normal[i][j] = sum;
      }
    }
    double[][] inverse = invert(normal);
    if (inverse == null) {
      return null;
    }
    double[] coefficients = new double[3];
    for (int i = 0; i < 3; i++) {
      double sum = 0;
      for (int k = 0; k < 4; k++) {
        double row = 0;
        for (int j = 0; j < 3; j++) {
          row += inverse[i][j] * weighted[j][k];
        }
        sum += row * observations[k];
      }
      coefficients[i] = sum;
    }
    return coefficients;
  }

  /**
   * The normalized step length from the fit: −1 for a concave fit ({@code μ₂ < 0}), else {@code
   * 2t/ᾱ − 1} with the minimizer {@code ᾱ = −μ₁/μ₂}.
   */
  static double alpha(double t, double[] coefficients) {
    if (coefficients[2] < 0) {
      return -1;
    }
    double minimizer = -coefficients[1] / coefficients[2];
    return 2 * t / minimizer - 1;
  }

  /** Gauss-Jordan inversion with partial pivoting; null on an exactly zero pivot. */
  static double[][] invert(double[][] matrix) {
    int size = matrix.length;
    double[][] work = new double[size][2 * size];
    for (int i = 0; i < size; i++) {
      System.arraycopy(matrix[i], 0, work[i], 0, size);
      work[i][size + i] = 1;
    }
    for (int column = 0; column < size; column++) {
      int pivot = column;
      for (int row = column + 1; row < size; row++) {
        if (Math.abs(work[row][column]) > Math.abs(work[pivot][column])) {
          pivot = row;
        }
      }
      if (work[pivot][column] == 0) {
        return null;
      }
      double[] swap = work[column];
      work[column] = work[pivot];
      work[pivot] = swap;
      double scale = work[column][column];
      for (int j = 0; j < 2 * size; j++) {
        work[column][j] /= scale;
      }
      for (int row = 0; row < size; row++) {
        if (row != column && work[row][column] != 0) {
          double factor = work[row][column];
          for (int j = 0; j < 2 * size; j++) {
            work[row][j] -= factor * work[column][j];
          }
        }
      }
    }
    double[][] inverse = new double[size][size];
    for (int i = 0; i < size; i++) {
      System.arraycopy(work[i], size, inverse[i], 0, size);
    }
    return inverse;
  }
}
