package org.cockpit4j.derivatives;

import static org.cockpit4j.extension.Checks.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.extension.BruteForce;
import org.cockpit4j.extension.TinyNet;
import org.cockpit4j.extension.TinyNets;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.MseLoss;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loss factorisations, Hessian products and the blocked conv diagonal, on their own. */
public abstract class DerivativesContractTest {

  /** The backend under test. */
  protected abstract Backend backend();

  private TensorScope scope;

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  @Test
  void exactFactorsReproduceTheLossHessians() {
    for (String name : List.of("mlp_sigmoid_tanh_ce", "residual_nested_mse")) {
      TinyNet net = TinyNets.build(name, backend());
      net.forward();
      double[][][] expected = BruteForce.lossHessians(net);
      Tensor factor =
          net.loss() instanceof CrossEntropyLoss crossEntropy
              ? new CrossEntropyDerivatives().exactFactor(crossEntropy)
              : new MseDerivatives().exactFactor((MseLoss) net.loss());
      assertClose(
          flatten(expected), flatten(outerProducts(factor)), 1e-14, 1e-16, name + " Σ_v S Sᵀ");
      double[] u = new double[net.batchSize() * expected[0].length];
      for (int i = 0; i < u.length; i++) {
        u[i] = Math.sin(i + 1.0);
      }
      Tensor direction = net.backend().fromArray(u, factor.shape().dropFirst(), DType.FLOAT64);
      Tensor product =
          net.loss() instanceof CrossEntropyLoss crossEntropy
              ? new CrossEntropyDerivatives().hessianProduct(crossEntropy, direction)
              : new MseDerivatives().hessianProduct((MseLoss) net.loss(), direction);
      assertClose(hessianTimes(expected, u), product.toDoubleArray(), 1e-13, 1e-16, name + " H u");
    }
  }

  @Test
  void sampledCrossEntropyLabelsFollowTheSoftmax() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", backend());
    net.forward();
    CrossEntropyLoss loss = (CrossEntropyLoss) net.loss();
    int samples = 20000;
    int batch = net.batchSize();
    double[] p = loss.probabilities().toDoubleArray();
    int classes = p.length / batch;
    double[] factor =
        new CrossEntropyDerivatives().sampledFactor(loss, samples, 42).toDoubleArray();
    double scale = Math.sqrt((double) samples * batch);
    double[] frequency = new double[p.length];
    for (int m = 0; m < samples; m++) {
      for (int n = 0; n < batch; n++) {
        int ones = 0;
        for (int c = 0; c < classes; c++) {
          double oneHot = p[n * classes + c] - factor[(m * batch + n) * classes + c] * scale;
          assertEquals(Math.rint(oneHot), oneHot, 1e-12, "a one-hot label");
          if (Math.rint(oneHot) == 1) {
            ones++;
            frequency[n * classes + c] += 1.0 / samples;
          }
        }
        assertEquals(1, ones, "exactly one sampled label");
      }
    }
    assertClose(p, frequency, 0, 0.02, "label frequencies vs softmax");
  }

  @Test
  void sampledMseFactorIsScaledGaussianNoise() {
    TinyNet net = TinyNets.build("residual_nested_mse", backend());
    net.forward();
    MseLoss loss = (MseLoss) net.loss();
    int samples = 20000;
    double[] factor = new MseDerivatives().sampledFactor(loss, samples, 3).toDoubleArray();
    int elements = loss.residuals().size();
    double expectedSecondMoment = 2.0 / elements; // E[Σ_m S²] per entry = 2/(N·D)
    double sum = 0;
    for (double value : factor) {
      sum += value * value;
    }
    assertEquals(expectedSecondMoment, sum / elements, 0.03 * expectedSecondMoment);
  }

  @Test
  void blockedConvDiagonalEqualsTheWholeBatchAtOnce() {
    TinyNet net = TinyNets.build("conv_pool_ce", backend());
    net.forward();
    Conv2d conv = (Conv2d) net.model().layer(0);
    Tensor output = conv.lastOutput();
    Tensor stack = net.backend().randomNormal(output.shape().prepend(3), DType.FLOAT64, 5, 0);
    assertClose(
        Conv2dDerivatives.weightFactorDiagonal(conv, stack, Long.MAX_VALUE).toDoubleArray(),
        Conv2dDerivatives.weightFactorDiagonal(conv, stack, 1).toDoubleArray(),
        1e-13,
        1e-15,
        "one sample per block vs all at once");
  }

  private static double[][][] outerProducts(Tensor factor) {
    int samples = factor.dim(0);
    int batch = factor.dim(1);
    int features = factor.size() / (samples * batch);
    double[] values = factor.toDoubleArray();
    double[][][] result = new double[batch][features][features];
    for (int v = 0; v < samples; v++) {
      for (int n = 0; n < batch; n++) {
        int base = (v * batch + n) * features;
        for (int a = 0; a < features; a++) {
          for (int b = 0; b < features; b++) {
            result[n][a][b] += values[base + a] * values[base + b];
          }
        }
      }
    }
    return result;
  }

  private static double[] hessianTimes(double[][][] hessians, double[] u) {
    int features = hessians[0].length;
    double[] result = new double[u.length];
    for (int n = 0; n < hessians.length; n++) {
      for (int a = 0; a < features; a++) {
        for (int b = 0; b < features; b++) {
          result[n * features + a] += hessians[n][a][b] * u[n * features + b];
        }
      }
    }
    return result;
  }

  private static double[] flatten(double[][][] values) {
    int total = 0;
    for (double[][] matrix : values) {
      for (double[] row : matrix) {
        total += row.length;
      }
    }
    double[] flat = new double[total];
    int offset = 0;
    for (double[][] matrix : values) {
      for (double[] row : matrix) {
        System.arraycopy(row, 0, flat, offset, row.length);
        offset += row.length;
      }
    }
    return flat;
  }
}
