package org.cockpit4j.extension;

import static org.cockpit4j.extension.Checks.assertClose;
import static org.cockpit4j.extension.Checks.assertCloseToScale;

import java.util.List;
import java.util.stream.Stream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every extension against its brute-force twin ({@link BruteForce}) on the tiny float64 nets of
 * {@link TinyNets}, which cover every built-in layer and both losses. A backend's test module
 * subclasses it and returns its backend from {@link #backend()}.
 */
public abstract class ExtensionContractTest {
  private static final double RTOL = 1e-10;
  private static final double ATOL = 1e-13;
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-7;

  /** The backend under test. */
  protected abstract Backend backend();

  private TensorScope scope;

  static Stream<String> nets() {
    return TinyNets.names().stream();
  }

  static Stream<String> deterministicNets() {
    return TinyNets.deterministicNames().stream();
  }

  @BeforeEach
  void openScope() {
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  @ParameterizedTest
  @MethodSource("nets")
  void firstOrderExtensionsMatchThePerSampleLoop(String name) {
    TinyNet net = TinyNets.build(name, backend());
    double[][] perSample = net.hasDropout() ? null : BruteForce.perSampleGradients(net);
    CollectingConsumer results = new CollectingConsumer();
    net.forward();
    ExtendedBackward.of(net.model())
        .backward(net.loss(), ExtensionSet.of(Extensions.firstOrder()), results);
    double[] gradient = net.gradient();
    if (perSample == null) {
      perSample = BruteForce.perSampleGradientsOfCachedPass(net);
    }
    int batch = net.batchSize();
    int offset = 0;
    double[] sumOfGradients = new double[gradient.length];
    for (Parameter parameter : net.parameters()) {
      int size = parameter.size();
      double[] batchGrad = new double[batch * size];
      double[] l2 = new double[batch];
      double[] sumOfSquares = new double[size];
      double[] dot = new double[batch * batch];
      for (int n = 0; n < batch; n++) {
        for (int i = 0; i < size; i++) {
          double g = perSample[n][offset + i];
          batchGrad[n * size + i] = g;
          l2[n] += g * g;
          sumOfSquares[i] += g * g;
          sumOfGradients[offset + i] += g;
          for (int m = 0; m < batch; m++) {
            dot[n * batch + m] += g * perSample[m][offset + i];
          }
        }
      }
      double[] variance = new double[size];
      for (int i = 0; i < size; i++) {
        double mean = sumOfGradients[offset + i] / batch;
        variance[i] = sumOfSquares[i] / batch - mean * mean;
      }
      String where = name + " " + parameter.name() + " ";
      assertClose(
          batchGrad,
          results.get(Extensions.BATCH_GRAD, parameter).toDoubleArray(),
          RTOL,
          ATOL,
          where + "batch_grad");
      assertClose(
          l2,
          results.get(Extensions.BATCH_L2, parameter).toDoubleArray(),
          RTOL,
          ATOL,
          where + "batch_l2");
      assertClose(
          sumOfSquares,
          results.get(Extensions.SUM_GRAD_SQUARED, parameter).toDoubleArray(),
          RTOL,
          ATOL,
          where + "sum_grad_squared");
      assertClose(
          variance,
          results.get(Extensions.VARIANCE, parameter).toDoubleArray(),
          1e-8,
          1e-14,
          where + "variance");
      assertClose(
          dot,
          results.get(Extensions.BATCH_DOT, parameter).toDoubleArray(),
          RTOL,
          ATOL,
          where + "batch_dot");
      offset += size;
    }
    assertClose(sumOfGradients, gradient, RTOL, ATOL, name + " gradient = Σ_n G_n");
  }

  @ParameterizedTest
  @MethodSource("deterministicNets")
  void curvatureDiagonalsMatchFiniteDifferences(String name) {
    TinyNet net = TinyNets.build(name, backend());
    double[][] hessian = BruteForce.hessian(net);
    double[][][] jacobians = BruteForce.outputJacobians(net);
    net.forward();
    double[][] ggn = BruteForce.ggn(jacobians, BruteForce.lossHessians(net));
    CollectingConsumer results = new CollectingConsumer();
    ExtendedBackward.of(net.model())
        .backward(
            net.loss(),
            ExtensionSet.of(Extensions.DIAG_GGN_EXACT, Extensions.DIAG_HESSIAN),
            results);
    assertCloseToScale(
        BruteForce.diagonal(ggn),
        concatenated(results, Extensions.DIAG_GGN_EXACT, net.parameters()),
        FINITE_DIFFERENCE_TOLERANCE,
        name + " diag_ggn_exact vs the GGN of finite-difference Jacobians");
    assertCloseToScale(
        BruteForce.diagonal(hessian),
        concatenated(results, Extensions.DIAG_HESSIAN, net.parameters()),
        FINITE_DIFFERENCE_TOLERANCE,
        name + " diag_h vs the finite-difference Hessian");
    double[] ggnDiagonal = BruteForce.diagonal(ggn);
    double[] hessianDiagonal = BruteForce.diagonal(hessian);
    double scale = 0;
    double difference = 0;
    for (int i = 0; i < ggnDiagonal.length; i++) {
      scale = Math.max(scale, Math.abs(hessianDiagonal[i]));
      difference = Math.max(difference, Math.abs(hessianDiagonal[i] - ggnDiagonal[i]));
    }
    org.junit.jupiter.api.Assertions.assertTrue(
        difference > 1e-3 * scale,
        name + ": the curved activations must make diag_h differ from diag_ggn_exact");
  }

  @Test
  void dropoutCurvatureMatchesJacobiansOfTheCachedPass() {
    TinyNet net = TinyNets.build("dropout_ce", backend());
    net.forward();
    CollectingConsumer results = new CollectingConsumer();
    ExtendedBackward.of(net.model())
        .backward(
            net.loss(),
            ExtensionSet.of(Extensions.DIAG_GGN_EXACT, Extensions.DIAG_HESSIAN),
            results);
    double[][] ggn =
        BruteForce.ggn(
            BruteForce.outputJacobiansOfCachedPass(net, 3), BruteForce.lossHessians(net));
    double[] expected = BruteForce.diagonal(ggn);
    assertClose(
        expected,
        concatenated(results, Extensions.DIAG_GGN_EXACT, net.parameters()),
        RTOL,
        ATOL,
        "dropout diag_ggn_exact");
    // Piecewise-linear net: the Hessian diagonal equals the GGN diagonal.
    assertClose(
        expected,
        concatenated(results, Extensions.DIAG_HESSIAN, net.parameters()),
        RTOL,
        ATOL,
        "dropout diag_h");
  }

  @ParameterizedTest
  @MethodSource("deterministicNets")
  void monteCarloGgnIsAnUnbiasedEstimate(String name) {
    TinyNet net = TinyNets.build(name, backend());
    net.forward();
    CollectingConsumer results = new CollectingConsumer();
    DiagGgnMonteCarlo manySamples = new DiagGgnMonteCarlo(8000, 3);
    ExtendedBackward.of(net.model())
        .backward(net.loss(), ExtensionSet.of(Extensions.DIAG_GGN_EXACT, manySamples), results);
    assertCloseToScale(
        concatenated(results, Extensions.DIAG_GGN_EXACT, net.parameters()),
        concatenated(results, manySamples, net.parameters()),
        0.06,
        name + " diag_ggn_mc(8000 samples) vs diag_ggn_exact");
  }

  @Test
  void monteCarloDrawsAreReproducibleAndChangeFromPassToPass() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", backend());
    net.forward();
    ExtensionSet mc = ExtensionSet.of(new DiagGgnMonteCarlo(2, 9));
    ExtendedBackward first = ExtendedBackward.of(net.model());
    ExtendedBackward second = ExtendedBackward.of(net.model());
    double[] a = run(first, net, mc);
    double[] b = run(second, net, mc);
    double[] c = run(first, net, mc);
    assertClose(a, b, 0, 0, "same seed and pass counter give the same draws");
    org.junit.jupiter.api.Assertions.assertFalse(
        java.util.Arrays.equals(a, c), "the next pass draws new samples");
    org.junit.jupiter.api.Assertions.assertEquals(2, first.monteCarloPasses());
    second.setMonteCarloPasses(0);
    assertClose(a, run(second, net, mc), 0, 0, "resetting the counter repeats the draws");
  }

  private static double[] run(ExtendedBackward engine, TinyNet net, ExtensionSet extensions) {
    CollectingConsumer results = new CollectingConsumer();
    engine.backward(net.loss(), extensions, results);
    return concatenated(results, extensions.asList().get(0), net.parameters());
  }

  /** The results of one extension for all parameters, concatenated in parameter order. */
  static double[] concatenated(
      CollectingConsumer results, Extension extension, List<Parameter> parameters) {
    List<double[]> parts = new java.util.ArrayList<>();
    for (Parameter parameter : parameters) {
      parts.add(results.get(extension, parameter).toDoubleArray());
    }
    return TinyNet.concatenate(parts);
  }
}
