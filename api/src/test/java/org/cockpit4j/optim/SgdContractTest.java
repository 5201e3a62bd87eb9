package org.cockpit4j.optim;

import static org.cockpit4j.optim.OptimizerTestSupport.assertAllClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Sgd} against a brute-force double loop of {@code torch.optim.SGD}'s update, on any
 * backend. Subclass it with {@link #backend()} returning a backend that supports float64.
 */
public abstract class SgdContractTest {
  private static final double RELATIVE = 1e-14;

  /** The backend under test. */
  protected abstract Backend backend();

  static Stream<SgdOptions> variants() {
    return Stream.of(
        SgdOptions.of(0.1),
        SgdOptions.of(0.05).withMomentum(0.9),
        SgdOptions.of(0.05).withMomentum(0.9).withDampening(0.3),
        SgdOptions.of(0.05).withMomentum(0.8).withNesterov(true),
        SgdOptions.of(0.1).withWeightDecay(0.01),
        SgdOptions.of(0.05).withMomentum(0.9).withDampening(0.5).withWeightDecay(0.1),
        SgdOptions.of(0.02).withMomentum(0.7).withNesterov(true).withWeightDecay(0.05));
  }

  /** The torch 1.13 update, one parameter at a time, in plain doubles. */
  private static void bruteForceStep(
      SgdOptions options,
      double learningRate,
      List<double[]> theta,
      List<double[]> gradients,
      List<double[]> buffers) {
    double momentum = options.momentum();
    for (int p = 0; p < theta.size(); p++) {
      double[] values = theta.get(p);
      double[] gradient = gradients.get(p);
      double[] direction = new double[values.length];
      for (int j = 0; j < values.length; j++) {
        direction[j] = gradient[j] + options.weightDecay() * values[j];
      }
      if (momentum != 0) {
        double[] buffer = buffers.get(p);
        if (buffer == null) {
          buffers.set(p, direction.clone());
        } else {
          for (int j = 0; j < values.length; j++) {
            buffer[j] = momentum * buffer[j] + (1 - options.dampening()) * direction[j];
          }
        }
        double[] current = buffers.get(p);
        for (int j = 0; j < values.length; j++) {
          direction[j] = options.nesterov() ? direction[j] + momentum * current[j] : current[j];
        }
      }
      for (int j = 0; j < values.length; j++) {
        values[j] -= learningRate * direction[j];
      }
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void matchesBruteForceOverSeveralStepsWithALearningRateChange(SgdOptions options) {
    Random random = new Random(11);
    List<double[]> expected = OptimizerTestSupport.randomArrays(random);
    List<double[]> buffers = new ArrayList<>(Collections.nCopies(expected.size(), null));
    List<Parameter> parameters = OptimizerTestSupport.parameters(backend(), expected);
    expected = OptimizerTestSupport.copy(expected);
    try (Sgd sgd = new Sgd(parameters, options)) {
      for (int step = 0; step < 5; step++) {
        if (step == 3) {
          sgd.setLearningRate(options.learningRate() / 3);
        }
        List<double[]> gradients = OptimizerTestSupport.randomArrays(random);
        OptimizerTestSupport.setGradients(backend(), parameters, gradients);
        sgd.step();
        bruteForceStep(options, sgd.learningRate(), expected, gradients, buffers);
        assertAllClose(
            "θ after step " + step, expected, OptimizerTestSupport.values(parameters), RELATIVE);
        OptimizerState state = sgd.exportState();
        assertEquals(step + 1, state.step());
        if (options.momentum() != 0) {
          assertAllClose(
              "momentum buffer after step " + step,
              buffers,
              state.buffer(Sgd.MOMENTUM_BUFFER),
              RELATIVE);
        } else {
          assertFalse(state.has(Sgd.MOMENTUM_BUFFER), "no momentum, no buffer");
        }
      }
    }
  }

  @Test
  void importedStateContinuesLikeTheOriginal() {
    SgdOptions options = SgdOptions.of(0.05).withMomentum(0.9).withNesterov(true);
    Random random = new Random(5);
    List<double[]> initial = OptimizerTestSupport.randomArrays(random);
    List<Parameter> original = OptimizerTestSupport.parameters(backend(), initial);
    try (Sgd first = new Sgd(original, options)) {
      for (int step = 0; step < 2; step++) {
        OptimizerTestSupport.setGradients(
            backend(), original, OptimizerTestSupport.randomArrays(random));
        first.step();
      }
      List<Parameter> restored =
          OptimizerTestSupport.parameters(backend(), OptimizerTestSupport.values(original));
      try (Sgd second = new Sgd(restored, options)) {
        second.importState(first.exportState());
        assertEquals(2, second.stepCount());
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
  void stepInsideAScopeLeavesParametersAndBuffersAlive() {
    Random random = new Random(3);
    List<Parameter> parameters =
        OptimizerTestSupport.parameters(backend(), OptimizerTestSupport.randomArrays(random));
    try (Sgd sgd = new Sgd(parameters, SgdOptions.of(0.1).withMomentum(0.5))) {
      for (int step = 0; step < 2; step++) {
        try (TensorScope scope = TensorScope.open()) {
          OptimizerTestSupport.setGradients(
              backend(), parameters, OptimizerTestSupport.randomArrays(random));
          sgd.step();
          assertEquals(
              parameters.size(),
              scope.ownedCount(),
              "only the gradients set in this scope belong to it");
        }
        for (Parameter parameter : parameters) {
          assertFalse(parameter.value().isClosed(), parameter.name() + " survives the scope");
          assertTrue(parameter.gradient().isClosed(), "the gradient was the scope's");
        }
      }
      assertEquals(parameters.size(), sgd.exportState().buffer(Sgd.MOMENTUM_BUFFER).size());
    }
  }

  @Test
  void missingGradientFailsNamingTheParameter() {
    List<Parameter> parameters =
        OptimizerTestSupport.parameters(
            backend(), OptimizerTestSupport.randomArrays(new Random(1)));
    try (Sgd sgd = new Sgd(parameters, 0.1)) {
      IllegalStateException error = assertThrows(IllegalStateException.class, sgd::step);
      assertTrue(error.getMessage().contains("0.weight"), error.getMessage());
    }
  }

  @Test
  void zeroGradDropsTheGradients() {
    List<Parameter> parameters =
        OptimizerTestSupport.parameters(
            backend(), OptimizerTestSupport.randomArrays(new Random(2)));
    OptimizerTestSupport.setGradients(
        backend(), parameters, OptimizerTestSupport.randomArrays(new Random(3)));
    try (Sgd sgd = new Sgd(parameters, 0.1)) {
      sgd.zeroGrad();
      for (Parameter parameter : parameters) {
        assertEquals(null, parameter.gradient());
      }
    }
  }
}
