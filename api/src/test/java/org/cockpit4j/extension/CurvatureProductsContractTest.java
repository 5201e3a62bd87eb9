package org.cockpit4j.extension;

import static org.cockpit4j.extension.Checks.assertClose;
import static org.cockpit4j.extension.Checks.assertCloseToScale;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hessian- and GGN-vector products ({@link CurvatureProducts}) against the finite-difference
 * Hessian and the GGN of finite-difference Jacobians, and their consistency with {@code diag_h}.
 */
public abstract class CurvatureProductsContractTest {
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-7;

  /** The backend under test. */
  protected abstract Backend backend();

  private TensorScope scope;

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
  @MethodSource("deterministicNets")
  void productsMatchFiniteDifferenceMatrices(String name) {
    TinyNet net = TinyNets.build(name, backend());
    double[][] hessian = BruteForce.hessian(net);
    double[][][] jacobians = BruteForce.outputJacobians(net);
    net.forward();
    double[][] ggn = BruteForce.ggn(jacobians, BruteForce.lossHessians(net));
    CurvatureProducts products = CurvatureProducts.of(net.model());
    for (long seed = 0; seed < 2; seed++) {
      double[] v = randomVector(net.dimension(), seed);
      assertCloseToScale(
          BruteForce.multiply(hessian, v),
          flat(products.hessianVectorProduct(net.loss(), tensors(net, v))),
          FINITE_DIFFERENCE_TOLERANCE,
          name + " Hv");
      assertCloseToScale(
          BruteForce.multiply(ggn, v),
          flat(products.ggnVectorProduct(net.loss(), tensors(net, v))),
          FINITE_DIFFERENCE_TOLERANCE,
          name + " Gv");
    }
  }

  @ParameterizedTest
  @MethodSource("deterministicNets")
  void unitVectorProductsRebuildTheDiagonals(String name) {
    TinyNet net = TinyNets.build(name, backend());
    net.forward();
    CollectingConsumer results = new CollectingConsumer();
    ExtendedBackward.of(net.model())
        .backward(
            net.loss(),
            ExtensionSet.of(Extensions.DIAG_HESSIAN, Extensions.DIAG_GGN_EXACT),
            results);
    double[] diagH =
        ExtensionContractTest.concatenated(results, Extensions.DIAG_HESSIAN, net.parameters());
    double[] diagG =
        ExtensionContractTest.concatenated(results, Extensions.DIAG_GGN_EXACT, net.parameters());
    CurvatureProducts products = CurvatureProducts.of(net.model());
    int dimension = net.dimension();
    double[] fromHvp = new double[dimension];
    double[] fromGgnVp = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      double[] unit = new double[dimension];
      unit[i] = 1.0;
      try (TensorScope inner = TensorScope.open()) {
        fromHvp[i] = flat(products.hessianVectorProduct(net.loss(), tensors(net, unit)))[i];
        fromGgnVp[i] = flat(products.ggnVectorProduct(net.loss(), tensors(net, unit)))[i];
      }
    }
    assertClose(diagH, fromHvp, 1e-10, 1e-13, name + " e_iᵀHe_i vs diag_h");
    assertClose(diagG, fromGgnVp, 1e-10, 1e-13, name + " e_iᵀGe_i vs diag_ggn_exact");
  }

  @Test
  void dropoutGgnProductMatchesJacobiansOfTheCachedPass() {
    TinyNet net = TinyNets.build("dropout_ce", backend());
    net.forward();
    double[] v = randomVector(net.dimension(), 7);
    double[] product =
        flat(CurvatureProducts.of(net.model()).ggnVectorProduct(net.loss(), tensors(net, v)));
    double[][] ggn =
        BruteForce.ggn(
            BruteForce.outputJacobiansOfCachedPass(net, 3), BruteForce.lossHessians(net));
    assertClose(BruteForce.multiply(ggn, v), product, 1e-10, 1e-13, "dropout Gv");
  }

  @ParameterizedTest
  @MethodSource("deterministicNets")
  void manyProductsAtOnePointEqualSingleProducts(String name) {
    TinyNet net = TinyNets.build(name, backend());
    net.forward();
    CurvatureProducts products = CurvatureProducts.of(net.model());
    try (CurvatureProducts.Point point = products.at(net.loss())) {
      for (long seed = 0; seed < 3; seed++) {
        double[] v = randomVector(net.dimension(), seed);
        assertClose(
            flat(products.hessianVectorProduct(net.loss(), tensors(net, v))),
            flat(point.hessianVectorProduct(tensors(net, v))),
            0,
            0,
            name + " Hv at a point, product " + seed);
        assertClose(
            flat(products.ggnVectorProduct(net.loss(), tensors(net, v))),
            flat(point.ggnVectorProduct(tensors(net, v))),
            0,
            0,
            name + " Gv at a point, product " + seed);
      }
    }
  }

  @Test
  void productsLeaveTheGradientsAlone() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", backend());
    net.forward();
    ExtendedBackward.of(net.model()).backward(net.loss());
    double[] gradient = net.gradient();
    CurvatureProducts.of(net.model())
        .hessianVectorProduct(net.loss(), tensors(net, randomVector(net.dimension(), 1)));
    assertClose(gradient, net.gradient(), 0, 0, "gradients after a Hessian-vector product");
  }

  static double[] randomVector(int dimension, long seed) {
    Random random = new Random(seed);
    double[] v = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      v[i] = random.nextGaussian();
    }
    return v;
  }

  /** A flat vector as one tensor per parameter. */
  static List<Tensor> tensors(TinyNet net, double[] flat) {
    List<Tensor> parts = new ArrayList<>();
    int offset = 0;
    for (Parameter parameter : net.parameters()) {
      double[] part = java.util.Arrays.copyOfRange(flat, offset, offset + parameter.size());
      parts.add(net.backend().fromArray(part, parameter.shape(), DType.FLOAT64));
      offset += parameter.size();
    }
    return parts;
  }

  static double[] flat(List<Tensor> parts) {
    List<double[]> arrays = new ArrayList<>();
    for (Tensor part : parts) {
      arrays.add(part.toDoubleArray());
    }
    return TinyNet.concatenate(arrays);
  }
}
