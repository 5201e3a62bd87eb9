package org.cockpit4j.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

class SyntheticProblemsTest {

  @Test
  void quadraticDeepHessianHasTheDrawnSpectrum() {
    double[] hessian = QuadraticDeep.hessian(42);
    double[] eigenvalues = QuadraticDeep.eigenvalues(42);
    int d = QuadraticDeep.DIMENSION;
    for (int k = 0; k < d; k++) {
      double lambda = eigenvalues[k];
      assertTrue(k < 90 ? lambda >= 0 && lambda < 1 : lambda >= 30 && lambda < 60);
    }
    double trace = 0;
    double frobeniusSquared = 0;
    double expectedTrace = 0;
    double expectedFrobeniusSquared = 0;
    for (int i = 0; i < d; i++) {
      trace += hessian[i * d + i];
      expectedTrace += eigenvalues[i];
      expectedFrobeniusSquared += eigenvalues[i] * eigenvalues[i];
      for (int j = 0; j < d; j++) {
        frobeniusSquared += hessian[i * d + j] * hessian[i * d + j];
        assertEquals(hessian[i * d + j], hessian[j * d + i]);
      }
    }
    assertEquals(expectedTrace, trace, 1e-10 * expectedTrace);
    assertEquals(expectedFrobeniusSquared, frobeniusSquared, 1e-10 * expectedFrobeniusSquared);
    // The largest eigenvalue, by power iteration from a fixed start, matches the largest draw.
    double[] vector = new double[d];
    java.util.Arrays.fill(vector, 1.0);
    NoisyQuadratic problem = QuadraticDeep.create(10, 42);
    double rayleigh = 0;
    for (int iteration = 0; iteration < 2000; iteration++) {
      double[] product = problem.gradient(vector, new double[d]);
      double norm = Math.sqrt(dot(product, product));
      rayleigh = dot(vector, product) / dot(vector, vector);
      for (int i = 0; i < d; i++) {
        vector[i] = product[i] / norm;
      }
    }
    double largest = java.util.Arrays.stream(eigenvalues).max().orElseThrow();
    assertEquals(largest, rayleigh, 1e-8 * largest);
    assertArrayEquals(hessian, QuadraticDeep.hessian(42));
  }

  @Test
  void noisyQuadraticLossAndGradientMatchTheirFormulas() {
    NoisyQuadratic problem = NoisyQuadratic2d.create(new double[] {2, 1, 1, 3}, 0.5, 4, 9);
    double[] theta = {1.0, -2.0};
    double[] x = {0.5, 0.25};
    // θ − x = (0.5, −2.25); H(θ − x) = (−1.25, −6.25); ½ (θ−x)·H(θ−x) = ½ (−0.625 + 14.0625)
    assertArrayEquals(new double[] {-1.25, -6.25}, problem.gradient(theta, x));
    assertEquals(0.5 * (-0.625 + 14.0625), problem.loss(theta, x), 1e-15);
    assertEquals(0.5 * (2 - 2 - 2 + 12) + 0.5 * 0.25 * 5, problem.expectedLoss(theta), 1e-15);
    ArrayDataset dataset = problem.dataset();
    assertEquals(4, dataset.size());
    assertEquals(Shape.of(2), dataset.inputShape());
    assertArrayEquals(dataset.input(3), dataset.target(3));
  }

  @Test
  void noiseHasTheRequestedScale() {
    NoisyQuadratic problem = QuadraticDeep.create(7);
    ArrayDataset dataset = problem.dataset();
    assertEquals(QuadraticDeep.TRAIN_SIZE, dataset.size());
    double sumOfSquares = 0;
    for (int n = 0; n < dataset.size(); n++) {
      for (double value : dataset.input(n)) {
        sumOfSquares += value * value;
      }
    }
    double variance = sumOfSquares / (dataset.size() * QuadraticDeep.DIMENSION);
    assertEquals(0.36, variance, 0.02);
  }

  @Test
  void scalarLinearDataFollowsItsLine() {
    ArrayDataset noiseless = ScalarLinearData.create(20, 3.0, 0.0, 1);
    for (int n = 0; n < 20; n++) {
      assertEquals(3.0 * noiseless.input(n)[0], noiseless.target(n)[0]);
    }
    ArrayDataset noisy = ScalarLinearData.create(20, 3.0, 0.1, 1);
    assertArrayEquals(noiseless.input(5), noisy.input(5));
    assertTrue(noisy.target(5)[0] != noiseless.target(5)[0]);
    assertEquals(Shape.of(1), noisy.targetShape());
  }

  @Test
  void randomImagesAreCifarShapedSeededAndUseEveryClass() {
    ArrayDataset images = RandomImages.cifar10Shaped(200, 5);
    assertEquals(Shape.of(3, 32, 32), images.inputShape());
    assertEquals(10, images.classes());
    boolean[] seen = new boolean[10];
    for (int n = 0; n < images.size(); n++) {
      seen[images.label(n)] = true;
    }
    for (boolean classSeen : seen) {
      assertTrue(classSeen);
    }
    assertArrayEquals(images.input(17), RandomImages.cifar10Shaped(20, 5).input(17));
    assertTrue(images.input(0)[0] != RandomImages.cifar10Shaped(1, 6).input(0)[0]);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
