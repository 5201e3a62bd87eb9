package org.cockpit4j.data.synthetic;

import org.cockpit4j.backend.CounterRandom;

/**
 * Random orthogonal matrices distributed by the Haar measure: the Q factor (with a positive
 * diagonal of R) of the QR decomposition of a matrix of independent standard normals.
 */
final class RandomRotation {
  private RandomRotation() {}

  /**
   * A D×D orthogonal matrix, row-major; column k comes from Gram-Schmidt (applied twice, for
   * orthogonality to rounding level) on column k of {@code G[i][k] = CounterRandom.normal(stream,
   * i·D + k)}. Orthogonalising the columns in order keeps R's diagonal positive, which is what
   * makes the distribution Haar.
   */
  static double[] haar(int dimension, long stream) {
    double[][] columns = new double[dimension][dimension];
    for (int i = 0; i < dimension; i++) {
      for (int k = 0; k < dimension; k++) {
        columns[k][i] = CounterRandom.normal(stream, (long) i * dimension + k);
      }
    }
    for (int k = 0; k < dimension; k++) {
      double[] column = columns[k];
      for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j < k; j++) {
          double projection = dot(columns[j], column);
          for (int i = 0; i < dimension; i++) {
            column[i] -= projection * columns[j][i];
          }
        }
      }
      double norm = Math.sqrt(dot(column, column));
      for (int i = 0; i < dimension; i++) {
        column[i] /= norm;
      }
    }
    double[] matrix = new double[dimension * dimension];
    for (int i = 0; i < dimension; i++) {
      for (int k = 0; k < dimension; k++) {
        matrix[i * dimension + k] = columns[k][i];
      }
    }
    return matrix;
  }

  /**
   * {@code Q diag(eigenvalues) Qᵀ}, row-major; exactly symmetric (the lower triangle is mirrored).
   */
  static double[] conjugate(double[] orthogonal, double[] eigenvalues) {
    int dimension = eigenvalues.length;
    double[] result = new double[dimension * dimension];
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = 0;
        for (int k = 0; k < dimension; k++) {
          sum += orthogonal[i * dimension + k] * eigenvalues[k] * orthogonal[j * dimension + k];
        }
        result[i * dimension + j] = sum;
        result[j * dimension + i] = sum;
      }
    }
    return result;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
