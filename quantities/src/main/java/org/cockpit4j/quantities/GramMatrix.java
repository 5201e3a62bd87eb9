package org.cockpit4j.quantities;

import org.cockpit4j.extension.Extensions;
import org.cockpit4j.quantity.TrackedStep;

/**
 * The per-sample Gram matrix {@code M_nm = ⟨G_n, G_m⟩} of a step ({@code batch_dot} summed over
 * parameters, extension scaling {@code G_n = g_n/B}) and what the gradient tests derive from it.
 */
final class GramMatrix {
  private final double[] matrix;
  private final int batch;
  private final double gradientSquaredNorm;

  private GramMatrix(double[] matrix, int batch, double gradientSquaredNorm) {
    this.matrix = matrix;
    this.batch = batch;
    this.gradientSquaredNorm = gradientSquaredNorm;
  }

  static GramMatrix of(TrackedStep step) {
    double[] matrix = step.result(Extensions.BATCH_DOT).summed();
    int batch = (int) Math.round(Math.sqrt(matrix.length));
    return new GramMatrix(matrix, batch, Statistics.sum(step.gradientSquaredNorms()));
  }

  int batchSize() {
    return batch;
  }

  /** ‖ḡ‖² of the mini-batch gradient. */
  double gradientSquaredNorm() {
    return gradientSquaredNorm;
  }

  /** {@code π_n = ⟨g_n, ḡ⟩ = B·Σ_m M_nm}. */
  double[] projections() {
    double[] projections = new double[batch];
    for (int n = 0; n < batch; n++) {
      double row = 0;
      for (int m = 0; m < batch; m++) {
        row += matrix[n * batch + m];
      }
      projections[n] = batch * row;
    }
    return projections;
  }

  /** {@code M_nn = ‖G_n‖²}. */
  double[] diagonal() {
    double[] diagonal = new double[batch];
    for (int n = 0; n < batch; n++) {
      diagonal[n] = matrix[n * batch + n];
    }
    return diagonal;
  }
}
