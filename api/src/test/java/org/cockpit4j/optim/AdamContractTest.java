package org.cockpit4j.optim;

import static org.cockpit4j.optim.OptimizerTestSupport.assertAllClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Adam} against a brute-force double loop of {@code torch.optim.Adam}'s update (reference
 * FORMAT.md §5), on any backend. Subclass it with {@link #backend()} returning a backend that
 * supports float64.
 */
public abstract class AdamContractTest {
  private static final double RELATIVE = 1e-13;

  /** The backend under test. */
  protected abstract Backend backend();

  static Stream<AdamOptions> variants() {
    return Stream.of(
        AdamOptions.of(0.01),
        AdamOptions.of(0.003).withBetas(0.8, 0.99).withEpsilon(1e-6),
        AdamOptions.of(0.01).withWeightDecay(0.1),
        AdamOptions.of(0.02).withBetas(0.0, 0.5).withWeightDecay(0.01));
  }

  /** Host copy of Adam's state for the brute-force twin. */
  private static final class Moments {
    final List<double[]> first = new ArrayList<>();
    final List<double[]> second = new ArrayList<>();
    int step;

    Moments(List<double[]> theta) {
      for (double[] values : theta) {
        first.add(new double[values.length]);
        second.add(new double[values.length]);
      }
    }
  }

  /** The torch 1.13 single-tensor update in plain doubles, operation by operation. */
  private static void bruteForceStep(
      AdamOptions options,
      double learningRate,
      List<double[]> theta,
      List<double[]> gradients,
      Moments moments) {
    moments.step++;
    double beta1 = options.beta1();
    double beta2 = options.beta2();
    double biasCorrection1 = 1 - Math.pow(beta1, moments.step);
    double biasCorrection2 = 1 - Math.pow(beta2, moments.step);
    double stepSize = learningRate / biasCorrection1;
    double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    for (int p = 0; p < theta.size(); p++) {
      double[] values = theta.get(p);
      double[] m = moments.first.get(p);
      double[] v = moments.second.get(p);
      for (int j = 0; j < values.length; j++) {
        double g = gradients.get(p)[j] + options.weightDecay() * values[j];
        m[j] = m[j] * beta1 + (1 - beta1) * g;
        v[j] = v[j] * beta2 + (1 - beta2) * g * g;
        double denominator = Math.sqrt(v[j]) / biasCorrection2Sqrt + options.epsilon();
        values[j] += -stepSize * m[j] / denominator;
      }
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void matchesBruteForceOverSeveralStepsWithALearningRateChange(AdamOptions options) {
    Random random = new Random(17);
    List<double[]> initial = OptimizerTestSupport.randomArrays(random);
    List<Parameter> parameters = OptimizerTestSupport.parameters(backend(), initial);
    List<double[]> expected = OptimizerTestSupport.copy(initial);
    Moments moments = new Moments(expected);
    try (Adam adam = new Adam(parameters, options)) {
      assertFalse(adam.exportState().has(Adam.EXP_AVG), "no moments before the first step");
      for (int step = 0; step < 6; step++) {
        if (step == 4) {
          adam.setLearningRate(options.learningRate() * 0.5);
        }
        List<double[]> gradients = OptimizerTestSupport.randomArrays(random);
        OptimizerTestSupport.setGradients(backend(), parameters, gradients);
        adam.step();
        bruteForceStep(options, adam.learningRate(), expected, gradients, moments);
        assertAllClose(
            "θ after step " + step, expected, OptimizerTestSupport.values(parameters), RELATIVE);
        OptimizerState state = adam.exportState();
        assertEquals(step + 1, state.step(), "state['step']");
        assertAllClose("exp_avg", moments.first, state.buffer(Adam.EXP_AVG), RELATIVE);
        assertAllClose("exp_avg_sq", moments.second, state.buffer(Adam.EXP_AVG_SQ), RELATIVE);
      }
    }
  }

  @Test
  void firstStepMovesEveryEntryByTheLearningRateAgainstTheGradientSign() {
    Random random = new Random(4);
    List<double[]> initial = OptimizerTestSupport.randomArrays(random);
    List<Parameter> parameters = OptimizerTestSupport.parameters(backend(), initial);
    List<double[]> gradients = OptimizerTestSupport.randomArrays(random);
    OptimizerTestSupport.setGradients(backend(), parameters, gradients);
    try (Adam adam = new Adam(parameters, 0.01)) {
      adam.step();
      List<double[]> after = OptimizerTestSupport.values(parameters);
      for (int p = 0; p < after.size(); p++) {
        for (int j = 0; j < after.get(p).length; j++) {
          double g = gradients.get(p)[j];
          double expected = -0.01 * g / (Math.abs(g) + 1e-8);
          assertEquals(expected, after.get(p)[j] - initial.get(p)[j], 1e-12, "entry " + j);
        }
      }
    }
  }

  @Test
  void epsilonIsAddedAfterTheBiasCorrection() {
    // With gradients near eps the "epsilon hat" variant lr·sqrt(bc2)/bc1·m/(sqrt(v)+eps) differs.
    AdamOptions options = AdamOptions.of(0.01);
    Random random = new Random(23);
    List<double[]> initial = OptimizerTestSupport.randomArrays(random);
    List<Parameter> parameters = OptimizerTestSupport.parameters(backend(), initial);
    List<double[]> expected = OptimizerTestSupport.copy(initial);
    Moments moments = new Moments(expected);
    try (Adam adam = new Adam(parameters, options)) {
      for (int step = 0; step < 3; step++) {
        List<double[]> gradients = OptimizerTestSupport.randomArrays(random);
        gradients.forEach(array -> java.util.Arrays.setAll(array, j -> array[j] * 3e-8));
        OptimizerTestSupport.setGradients(backend(), parameters, gradients);
        adam.step();
        bruteForceStep(options, options.learningRate(), expected, gradients, moments);
      }
      assertAllClose("θ", expected, OptimizerTestSupport.values(parameters), RELATIVE);
    }
  }

  @Test
  void importedStateContinuesLikeTheOriginal() {
    AdamOptions options = AdamOptions.of(0.01).withWeightDecay(0.01);
    Random random = new Random(8);
    List<Parameter> original =
        OptimizerTestSupport.parameters(backend(), OptimizerTestSupport.randomArrays(random));
    try (Adam first = new Adam(original, options)) {
      for (int step = 0; step < 3; step++) {
        OptimizerTestSupport.setGradients(
            backend(), original, OptimizerTestSupport.randomArrays(random));
        first.step();
      }
      List<Parameter> restored =
          OptimizerTestSupport.parameters(backend(), OptimizerTestSupport.values(original));
      try (Adam second = new Adam(restored, options)) {
        second.importState(first.exportState());
        assertEquals(3, second.stepCount());
        for (int step = 0; step < 2; step++) {
          List<double[]> gradients = OptimizerTestSupport.randomArrays(random);
          OptimizerTestSupport.setGradients(backend(), original, gradients);
          OptimizerTestSupport.setGradients(backend(), restored, gradients);
          first.step();
          second.step();
        }
        assertAllClose(
            "θ after resuming",
            OptimizerTestSupport.values(original),
            OptimizerTestSupport.values(restored),
            0.0);
      }
    }
  }

  @Test
  void importRejectsAMismatchedState() {
    List<Parameter> parameters =
        OptimizerTestSupport.parameters(
            backend(), OptimizerTestSupport.randomArrays(new Random(1)));
    try (Adam adam = new Adam(parameters, 0.01)) {
      IllegalArgumentException wrongType =
          assertThrows(
              IllegalArgumentException.class,
              () -> adam.importState(new OptimizerState("sgd", 1, Map.of())));
      assertTrue(wrongType.getMessage().contains("'sgd'"), wrongType.getMessage());
      List<double[]> wrongSizes = List.of(new double[12], new double[2], new double[1]);
      IllegalArgumentException wrongSize =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  adam.importState(
                      new OptimizerState(
                          "adam",
                          1,
                          Map.of(Adam.EXP_AVG, wrongSizes, Adam.EXP_AVG_SQ, wrongSizes))));
      assertTrue(wrongSize.getMessage().contains("1.weight"), wrongSize.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> adam.importState(new OptimizerState("adam", 2, Map.of())));
    }
  }
}
