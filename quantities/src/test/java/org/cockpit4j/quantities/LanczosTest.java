package org.cockpit4j.quantities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.cockpit4j.quantity.HessianOperator;
import org.junit.jupiter.api.Test;

/**
 * Lanczos against operators with a known spectrum: {@code H = Q diag(λ) Qᵀ}, Q a product of two
 * Householder reflections, spectra with clusters, a dominant negative eigenvalue and tiny gaps; the
 * eigenvalue must be within the tolerance (and far closer, by the quadratic bound), also with small
 * bases (restarts) and from a start close to the eigenvector.
 */
class LanczosTest {
  private static final int DIMENSION = 3000;

  /** {@code Q diag(λ) Qᵀ} with {@code Q = (I − 2uuᵀ)(I − 2vvᵀ)}. */
  private static final class Rotated implements HessianOperator {
    private final double[] eigenvalues;
    private final double[] u;
    private final double[] v;
    private int count;

    Rotated(double[] eigenvalues, long seed) {
      this.eigenvalues = eigenvalues;
      Random random = new Random(seed);
      u = unit(random);
      v = unit(random);
    }

    private static double[] unit(Random random) {
      double[] x = new double[DIMENSION];
      double norm = 0;
      for (int i = 0; i < DIMENSION; i++) {
        x[i] = random.nextGaussian();
        norm += x[i] * x[i];
      }
      for (int i = 0; i < DIMENSION; i++) {
        x[i] /= Math.sqrt(norm);
      }
      return x;
    }

    private static void reflect(double[] x, double[] axis) {
      double dot = 0;
      for (int i = 0; i < x.length; i++) {
        dot += x[i] * axis[i];
      }
      for (int i = 0; i < x.length; i++) {
        x[i] -= 2 * dot * axis[i];
      }
    }

    @Override
    public int dimension() {
      return DIMENSION;
    }

    @Override
    public double[] apply(double[] vector) {
      double[] x = vector.clone();
      reflect(x, u); // Qᵀ = (I − 2vvᵀ)(I − 2uuᵀ)
      reflect(x, v);
      for (int i = 0; i < x.length; i++) {
        x[i] *= eigenvalues[i];
      }
      reflect(x, v);
      reflect(x, u);
      count++;
      return x;
    }

    @Override
    public int productCount() {
      return count;
    }

    /** The k-th column of Q (the eigenvector of eigenvalue k). */
    double[] eigenvector(int k) {
      double[] x = new double[DIMENSION];
      x[k] = 1;
      reflect(x, v);
      reflect(x, u);
      return x;
    }
  }

  private static double[] spectrum(long seed, double dominant, double second) {
    Random random = new Random(seed);
    double[] values = new double[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      values[i] = random.nextGaussian() * 0.05 + (i % 3 == 0 ? 0.2 : 0.0); // clustered bulk
    }
    values[5] = dominant;
    values[17] = second;
    values[23] = 0.9 * second;
    return values;
  }

  private static double[] start(long seed) {
    Random random = new Random(seed);
    double[] start = new double[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      start[i] = random.nextDouble() - 0.5;
    }
    return start;
  }

  @Test
  void findsTheExtremeEigenvalueToTheTolerance() {
    double tolerance = 1e-6;
    double[][] cases = {{3.0, 2.5}, {-3.0, 2.9}, {1.0, 0.98}, {2.0, -1.99}};
    for (int c = 0; c < cases.length; c++) {
      double[] values = spectrum(c, cases[c][0], cases[c][1]);
      for (int basis : new int[] {40, 7}) {
        Rotated operator = new Rotated(values, 100 + c);
        Lanczos.Result magnitude =
            Lanczos.run(
                operator, start(c), Lanczos.Target.LARGEST_MAGNITUDE, tolerance, basis, 2000);
        assertTrue(magnitude.converged(), "case " + c + " basis " + basis);
        assertEquals(cases[c][0], magnitude.eigenvalue(), tolerance * Math.abs(cases[c][0]));
        double largestAlgebraic = Math.max(cases[c][0], cases[c][1]);
        Lanczos.Result largest =
            Lanczos.run(
                new Rotated(values, 100 + c),
                start(c + 50),
                Lanczos.Target.LARGEST,
                tolerance,
                basis,
                2000);
        assertTrue(largest.converged());
        assertEquals(largestAlgebraic, largest.eigenvalue(), tolerance * largestAlgebraic);
      }
    }
  }

  @Test
  void aWarmStartNeedsFewProducts() {
    double[] values = spectrum(9, 3.0, 2.0);
    Rotated operator = new Rotated(values, 9);
    double[] start = operator.eigenvector(5);
    double[] noise = Lanczos.normalized(start(3));
    for (int i = 0; i < DIMENSION; i++) {
      start[i] += 1e-2 * noise[i];
    }
    Lanczos.Result result =
        Lanczos.run(operator, start, Lanczos.Target.LARGEST_MAGNITUDE, 1e-6, 40, 500);
    assertTrue(result.converged());
    assertEquals(3.0, result.eigenvalue(), 3e-6);
    assertTrue(result.products() <= 8, "products " + result.products());
  }
}
