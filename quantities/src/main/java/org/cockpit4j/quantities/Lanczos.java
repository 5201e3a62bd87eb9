package org.cockpit4j.quantities;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.linalg.JacobiEigen;
import org.cockpit4j.quantity.HessianOperator;

/**
 * The Lanczos method with explicit restarts, for one extreme eigenvalue of a symmetric operator
 * given by matrix-vector products (float64 on the host). Each step orthogonalizes locally (the
 * three-term recurrence, repeated when it cancelled much, DGKS) and against the whole basis only
 * once some Ritz pair has converged so far that orthogonality towards its vector is lost (Paige's
 * theorem: the loss is about ε‖H‖ over the pair's residual; the guard keeps it below √ε, which
 * keeps the Ritz values as accurate as full reorthogonalization does). This reads two vectors per
 * step instead of the whole basis.
 *
 * <p>Convergence: with Ritz value θ, Ritz vector y and residual {@code r = ‖Hy − θy‖} (read off the
 * tridiagonal matrix), stop when {@code r ≤ tol·|θ|} (then an eigenvalue lies within {@code
 * tol·|θ|}), or when the quadratic bound {@code r²/gap} (gap to the nearest other Ritz value) is
 * below {@code 0.1·tol·|θ|}, or when the Krylov space is invariant.
 */
final class Lanczos {
  /** Which eigenvalue to find. */
  enum Target {
    /** The eigenvalue of largest magnitude (signed): what power iteration converges to. */
    LARGEST_MAGNITUDE,
    /** The largest (algebraic) eigenvalue. */
    LARGEST
  }

  /**
   * The outcome.
   *
   * @param eigenvalue the Ritz value
   * @param eigenvector its unit Ritz vector
   * @param products number of operator applications
   * @param converged whether the tolerance was met
   */
  record Result(double eigenvalue, double[] eigenvector, int products, boolean converged) {}

  private Lanczos() {}

  static Result run(
      HessianOperator operator,
      double[] start,
      Target target,
      double tolerance,
      int basisSize,
      int maxProducts) {
    int dimension = operator.dimension();
    int size = Math.max(1, Math.min(basisSize, dimension));
    double[] current = normalized(start);
    int products = 0;
    double eigenvalue = Double.NaN;
    double[] eigenvector = current;
    while (true) {
      List<double[]> basis = new ArrayList<>();
      List<Double> alphas = new ArrayList<>();
      List<Double> betas = new ArrayList<>();
      double[] q = current;
      double[] previous = null;
      double previousBeta = 0;
      for (int j = 0; j < size; j++) {
        basis.add(q);
        double[] w = operator.apply(q);
        products++;
        // Three-term recurrence, w = Hq_j − β_{j−1}q_{j−1} − α_j q_j, in two fused passes.
        double[] firstPass = HostVectors.subtractAndDot(w, previousBeta, previous, q);
        double before = Math.sqrt(firstPass[1]);
        double alpha = firstPass[0];
        double beta = Math.sqrt(HostVectors.subtractAndNorm(w, alpha, q));
        if (beta < LOCAL_CANCELLATION * before) {
          // Most of Hq_j cancelled (β ≪ ‖Hq_j‖, which costs local orthogonality about ε‖Hq_j‖/β):
          // orthogonalize once more against q_j and q_{j−1}.
          List<double[]> local = previous == null ? List.of(q) : List.of(q, previous);
          double[] correction = HostVectors.dots(w, local);
          beta = Math.sqrt(HostVectors.subtractAndNorm(w, correction, local));
          alpha += correction[0];
        }
        alphas.add(alpha);
        JacobiEigen.Result ritz = JacobiEigen.decompose(tridiagonal(alphas, betas));
        int pick = pick(ritz, target);
        eigenvalue = ritz.value(pick);
        double residual = beta * Math.abs(ritz.vector(j, pick));
        double scale = Math.max(Math.abs(eigenvalue), Double.MIN_NORMAL);
        double norm = norm(alphas, betas);
        boolean invariant = beta <= 1e-13 * norm || j + 1 >= dimension;
        boolean converged =
            invariant
                || residual <= tolerance * scale
                || residual * residual <= 0.1 * tolerance * scale * gap(ritz, pick);
        boolean restart = j + 1 == size || products >= maxProducts;
        if (converged || restart) {
          eigenvector = combine(basis, ritz, pick, dimension);
          if (converged || products >= maxProducts) {
            return new Result(eigenvalue, eigenvector, products, converged);
          }
          current = eigenvector;
          break;
        }
        if (smallestResidual(ritz, beta, j) < ORTHOGONALITY_GUARD * norm) {
          // A Ritz pair has converged far enough that q_{j+1} loses orthogonality towards its
          // vector (Paige: by about ε‖H‖/residual): reorthogonalize against the whole basis.
          for (int pass = 0; pass < 2; pass++) {
            beta = Math.sqrt(HostVectors.subtractAndNorm(w, HostVectors.dots(w, basis), basis));
          }
        }
        betas.add(beta);
        HostVectors.scale(w, 1 / beta);
        previous = q;
        previousBeta = beta;
        q = w;
      }
    }
  }

  /** Below this share of ‖Hq_j‖ left in β_j the local orthogonalization is repeated. */
  private static final double LOCAL_CANCELLATION = 1e-2;

  /** √ε: the orthogonality level below which the Ritz values stay as accurate as with full. */
  private static final double ORTHOGONALITY_GUARD = 1.5e-8;

  /** The smallest residual estimate {@code β_j |s_{j,i}|} over all Ritz pairs of T_j. */
  private static double smallestResidual(JacobiEigen.Result ritz, double beta, int j) {
    double smallest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < ritz.size(); i++) {
      smallest = Math.min(smallest, beta * Math.abs(ritz.vector(j, i)));
    }
    return smallest;
  }

  private static int pick(JacobiEigen.Result ritz, Target target) {
    int best = 0;
    for (int i = 1; i < ritz.size(); i++) {
      double candidate = ritz.value(i);
      double incumbent = ritz.value(best);
      boolean better =
          target == Target.LARGEST
              ? candidate > incumbent
              : Math.abs(candidate) > Math.abs(incumbent);
      if (better) {
        best = i;
      }
    }
    return best;
  }

  private static double gap(JacobiEigen.Result ritz, int pick) {
    double gap = Double.POSITIVE_INFINITY;
    for (int i = 0; i < ritz.size(); i++) {
      if (i != pick) {
        gap = Math.min(gap, Math.abs(ritz.value(i) - ritz.value(pick)));
      }
    }
    return ritz.size() == 1 ? 0 : gap;
  }

  private static double[][] tridiagonal(List<Double> alphas, List<Double> betas) {
    int size = alphas.size();
    double[][] matrix = new double[size][size];
    for (int i = 0; i < size; i++) {
      matrix[i][i] = alphas.get(i);
      if (i + 1 < size) {
        matrix[i][i + 1] = betas.get(i);
        matrix[i + 1][i] = betas.get(i);
      }
    }
    return matrix;
  }

  private static double norm(List<Double> alphas, List<Double> betas) {
    double largest = 0;
    for (double alpha : alphas) {
      largest = Math.max(largest, Math.abs(alpha));
    }
    for (double beta : betas) {
      largest = Math.max(largest, Math.abs(beta));
    }
    return largest;
  }

  private static double[] combine(
      List<double[]> basis, JacobiEigen.Result ritz, int pick, int dimension) {
    double[] coefficients = new double[basis.size()];
    for (int i = 0; i < coefficients.length; i++) {
      coefficients[i] = ritz.vector(i, pick);
    }
    return normalized(HostVectors.combine(coefficients, basis, dimension));
  }

  static double[] normalized(double[] vector) {
    double norm = Math.sqrt(HostVectors.dot(vector, vector));
    double[] result = vector.clone();
    if (norm > 0) {
      HostVectors.scale(result, 1 / norm);
    }
    return result;
  }
}
