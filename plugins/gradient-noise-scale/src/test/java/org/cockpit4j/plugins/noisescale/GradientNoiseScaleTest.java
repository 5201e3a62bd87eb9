package org.cockpit4j.plugins.noisescale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.extension.TinyNet;
import org.cockpit4j.extension.TinyNets;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.nn.LossValue;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.quantity.QuantityProvider;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * GradientNoiseScale in a real Cockpit on the CPU backend, against a brute-force twin that forms
 * every per-sample gradient by a separate backward pass of one sample (float64).
 */
class GradientNoiseScaleTest {
  private static final Backend BACKEND = new CpuBackend(1);

  @Test
  void stepValueMatchesPerSampleGradientsOfSeparateBackwardPasses() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", BACKEND);
    double[] expected = bruteForce(net);
    Cockpit cockpit =
        Cockpit.builder(net.model())
            .quantities(new GradientNoiseScale(Schedules.everyStep(), 0.0))
            .strict(true)
            .build();
    try (TensorScope scope = TensorScope.open()) {
      LossValue value = net.forward();
      cockpit.backward(0, net.loss(), value, new Sgd(net.parameters(), 0.1));
    }
    CockpitLog log = cockpit.output();
    double trace = (Double) log.get(0, "GradientNoiseScale_trace");
    double gradient = (Double) log.get(0, "GradientNoiseScale_gradient_norm_squared");
    assertEquals(expected[0], trace, 1e-10 * Math.abs(expected[0]));
    assertEquals(expected[1], gradient, 1e-10 * Math.abs(expected[0]));
    assertEquals(expected[0] / expected[1], (Double) log.get(0, "GradientNoiseScale"), 1e-8);
    assertEquals(log.get(0, "GradientNoiseScale"), log.get(0, "GradientNoiseScale_step"));
    cockpit.close();
  }

  @Test
  void valueIsTheRatioOfMovingAveragesOverSteps() {
    TinyNet net = TinyNets.build("mlp_sigmoid_tanh_ce", BACKEND);
    double decay = 0.5;
    Cockpit cockpit =
        Cockpit.builder(net.model())
            .quantities(new GradientNoiseScale(Schedules.everyStep(), decay))
            .strict(true)
            .build();
    Sgd sgd = new Sgd(net.parameters(), 0.5);
    for (int step = 0; step < 4; step++) {
      try (TensorScope scope = TensorScope.open()) {
        LossValue value = net.forward();
        cockpit.backward(step, net.loss(), value, sgd);
        sgd.step();
        net.parameters().forEach(parameter -> parameter.setGradient(null));
      }
    }
    CockpitLog log = cockpit.output();
    double trace = 0;
    double gradient = 0;
    for (int step = 0; step < 4; step++) {
      trace = decay * trace + (1 - decay) * (Double) log.get(step, "GradientNoiseScale_trace");
      gradient =
          decay * gradient
              + (1 - decay) * (Double) log.get(step, "GradientNoiseScale_gradient_norm_squared");
      assertEquals(trace / gradient, (Double) log.get(step, "GradientNoiseScale"), 1e-12);
    }
    cockpit.close();
  }

  @Test
  void estimatesFollowTheClosedForms() {
    // Two samples with gradients (1, 0) and (0, 1): g = (1/2, 1/2), ‖g‖² = 1/2, Σ‖G_n‖² = 2.
    // S = (2 − 2·1/2)/1 = 1; |G|² = (2·1/2 − 2/2)/1 = 0.
    Estimates estimates = Estimates.of(new double[] {0.25, 0.25}, 0.5);
    assertEquals(1.0, estimates.trace(), 1e-15);
    assertEquals(0.0, estimates.gradientNormSquared(), 1e-15);
    // Identical samples: no noise.
    Estimates identical = Estimates.of(new double[] {0.25 * 2 / 4, 0.25 * 2 / 4}, 0.5);
    assertEquals(0.0, identical.trace(), 1e-15);
    assertEquals(0.5, identical.gradientNormSquared(), 1e-15);
  }

  @Test
  void providerIsFoundAndRejectsUnknownOptions() {
    QuantityProvider provider = null;
    for (QuantityProvider candidate : ServiceLoader.load(QuantityProvider.class)) {
      if (candidate.names().contains("GradientNoiseScale")) {
        provider = candidate;
      }
    }
    assertTrue(provider != null, "the provider is listed in META-INF/services");
    assertEquals(
        "GradientNoiseScale",
        provider.create("GradientNoiseScale", Schedules.linear(2), Map.of("ema", 0.5)).name());
    QuantityProvider found = provider;
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> found.create("GradientNoiseScale", Schedules.linear(1), Map.of("emma", 0.5)));
    assertTrue(error.getMessage().contains("Unknown option 'emma'"), error.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> found.create("GradientNoiseScale", Schedules.linear(1), Map.of("ema", 1.0)));
  }

  /** {S, |G|²} from N separate single-sample backward passes. */
  private static double[] bruteForce(TinyNet net) {
    int batch = net.batchSize();
    double[] inputs = net.inputs().toDoubleArray();
    double[] targets = net.targets().toDoubleArray();
    int inputSize = inputs.length / batch;
    int dimension = net.dimension();
    double[] mean = new double[dimension];
    double sampleSquares = 0;
    for (int n = 0; n < batch; n++) {
      try (TensorScope scope = TensorScope.open()) {
        double[] input = new double[inputSize];
        System.arraycopy(inputs, n * inputSize, input, 0, inputSize);
        Tensor x = BACKEND.fromArray(input, Shape.of(1, inputSize), DType.FLOAT64);
        Tensor y = BACKEND.fromArray(new double[] {targets[n]}, Shape.of(1), DType.FLOAT64);
        LossValue value = net.loss().forward(net.model().forward(x), y);
        net.model().backward(net.loss().backward(), false);
        List<double[]> parts = new ArrayList<>();
        for (Parameter parameter : net.parameters()) {
          parts.add(parameter.gradient().toDoubleArray());
          parameter.setGradient(null);
        }
        double[] gradient = TinyNet.concatenate(parts);
        for (int j = 0; j < dimension; j++) {
          sampleSquares += gradient[j] * gradient[j];
          mean[j] += gradient[j] / batch;
        }
        value.loss().close();
      }
    }
    double meanSquared = 0;
    for (double entry : mean) {
      meanSquared += entry * entry;
    }
    double trace = (sampleSquares - batch * meanSquared) / (batch - 1);
    double gradient = (batch * meanSquared - sampleSquares / batch) / (batch - 1);
    return new double[] {trace, gradient};
  }
}
