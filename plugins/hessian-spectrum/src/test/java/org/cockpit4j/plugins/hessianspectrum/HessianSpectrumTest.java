package org.cockpit4j.plugins.hessianspectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.extension.TinyNet;
import org.cockpit4j.extension.TinyNets;
import org.cockpit4j.linalg.JacobiEigen;
import org.cockpit4j.quantity.HessianOperator;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityOutput;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * Stochastic Lanczos quadrature against exact spectra: a diagonal operator (nodes = its entries,
 * Rademacher weights = 1/D), and a tiny network whose dense Hessian is assembled from unit-vector
 * products and decomposed by Jacobi's method.
 */
class HessianSpectrumTest {
  private static final Backend BACKEND = new CpuBackend(1);

  @Test
  void fullLanczosOnADiagonalOperatorRecoversEntriesAndEqualWeights() {
    double[] diagonal = {4, -1, 0.5, 3, 2, 1};
    HessianSpectrum quantity =
        new HessianSpectrum(
            Schedules.everyStep(), new HessianSpectrum.Settings(2, 6, 500, 1e-5, 0.01, 7));
    HessianSpectrum.Result result =
        quantity.spectrum(
            vector -> {
              double[] product = new double[vector.length];
              for (int i = 0; i < vector.length; i++) {
                product[i] = diagonal[i] * vector[i];
              }
              return product;
            },
            diagonal.length,
            3);
    double[] sorted = diagonal.clone();
    Arrays.sort(sorted);
    for (int probe = 0; probe < 2; probe++) {
      List<Double> nodes = result.nodes().get(probe);
      List<Double> weights = result.weights().get(probe);
      assertEquals(6, nodes.size());
      for (int i = 0; i < 6; i++) {
        assertEquals(sorted[i], nodes.get(i), 1e-10);
        assertEquals(1.0 / 6, weights.get(i), 1e-10);
      }
    }
    double spacing = result.grid().get(1) - result.grid().get(0);
    double mass = result.density().stream().mapToDouble(Double::doubleValue).sum() * spacing;
    assertEquals(1.0, mass, 1e-12);
    assertEquals(-1.01, result.grid().get(0), 1e-12);
    assertEquals(4.01, result.grid().get(result.grid().size() - 1), 1e-12);
    // The density peaks at the eigenvalues: the grid point nearest 2 is a local maximum.
    int nearest = 0;
    for (int g = 0; g < result.grid().size(); g++) {
      if (Math.abs(result.grid().get(g) - 2) < Math.abs(result.grid().get(nearest) - 2)) {
        nearest = g;
      }
    }
    assertTrue(result.density().get(nearest) > result.density().get(nearest - 20));
    assertTrue(result.density().get(nearest) > result.density().get(nearest + 20));
  }

  @Test
  void inACockpitTheExtremeNodesAreTheExtremeEigenvaluesOfTheNetworksHessian() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", BACKEND);
    int dimension = net.dimension();
    DenseHessian dense = new DenseHessian();
    HessianSpectrum spectrum =
        new HessianSpectrum(
            Schedules.everyStep(), new HessianSpectrum.Settings(2, dimension, 100, 1e-5, 0.01, 0));
    Cockpit cockpit = Cockpit.builder(net.model()).quantities(spectrum, dense).strict(true).build();
    try (TensorScope scope = TensorScope.open()) {
      cockpit.backward(0, net.loss(), net.forward(), null);
    }
    double[] eigenvalues = JacobiEigen.decompose(dense.matrix).values();
    double largest = eigenvalues[eigenvalues.length - 1];
    double smallest = eigenvalues[0];
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) cockpit.output().get(0, "HessianSpectrum");
    @SuppressWarnings("unchecked")
    List<List<Double>> nodes = (List<List<Double>>) value.get("nodes");
    @SuppressWarnings("unchecked")
    List<List<Double>> weights = (List<List<Double>>) value.get("weights");
    double scale = Math.max(Math.abs(largest), Math.abs(smallest));
    for (int probe = 0; probe < 2; probe++) {
      List<Double> probeNodes = nodes.get(probe);
      assertEquals(largest, probeNodes.get(probeNodes.size() - 1), 1e-8 * scale);
      assertEquals(smallest, probeNodes.get(0), 1e-8 * scale);
      assertEquals(1.0, weights.get(probe).stream().mapToDouble(Double::doubleValue).sum(), 1e-10);
    }
    assertTrue(
        ((Number) cockpit.output().get(0, "HessianSpectrum_products")).intValue()
            >= 2 * Math.min(dimension, 10),
        "every Lanczos step is a Hessian-vector product");
    cockpit.close();
  }

  @Test
  void providerValidatesOptions() {
    HessianSpectrumProvider provider = new HessianSpectrumProvider();
    Quantity quantity =
        provider.create(
            "HessianSpectrum",
            Schedules.linear(10),
            Map.of("probes", 2, "lanczos_steps", 15, "grid_points", 50));
    assertEquals(2, quantity.options().get("probes"));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> provider.create("HessianSpectrum", Schedules.linear(1), Map.of("probe", 2)));
    assertTrue(unknown.getMessage().contains("Unknown option 'probe'"), unknown.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> provider.create("HessianSpectrum", Schedules.linear(1), Map.of("probes", 0)));
  }

  /** Assembles the dense Hessian from products with unit vectors (a test twin). */
  private static final class DenseHessian extends Quantity {
    double[][] matrix;

    DenseHessian() {
      super(Schedules.everyStep());
    }

    @Override
    public boolean shouldCompute(int step) {
      return true;
    }

    @Override
    public Needs needs(StepInfo info) {
      return Needs.builder().hessianProducts().build();
    }

    @Override
    public QuantityOutput track(TrackedStep step) {
      HessianOperator hessian = step.hessian();
      int dimension = hessian.dimension();
      matrix = new double[dimension][];
      for (int i = 0; i < dimension; i++) {
        double[] unit = new double[dimension];
        unit[i] = 1;
        matrix[i] = hessian.apply(unit);
      }
      for (int i = 0; i < dimension; i++) {
        for (int j = 0; j < i; j++) {
          double mean = 0.5 * (matrix[i][j] + matrix[j][i]);
          matrix[i][j] = mean;
          matrix[j][i] = mean;
        }
      }
      return null;
    }
  }
}
