package org.cockpit4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.optim.OptimizerState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays each reference case's training run (PyTorch 1.13.1 in float64) with the real layers, the
 * {@link Trainer} and the case's optimizer, and compares θ_k at every step, the losses, Adam's
 * moments after every update and the final parameters, at FORMAT.md §8's tolerances (1e-10
 * relative, 1e-13 absolute). Skipped when the reference directory is missing.
 */
public abstract class ReferenceTrajectoryContractTest {
  private static final double RELATIVE = 1e-10;
  private static final double ABSOLUTE = 1e-13;

  /** The backend under test. */
  protected abstract Backend backend();

  static Stream<String> cases() {
    return Stream.of(
        "case_logreg", "case_mlp", "case_tanh_mse", "case_conv", "case_conv2", "case_adam_pool");
  }

  private static void assertClose(String what, double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      if (!(Math.abs(actual[i] - expected[i]) <= ABSOLUTE + RELATIVE * Math.abs(expected[i]))) {
        fail(what + ": entry " + i + " is " + actual[i] + ", PyTorch has " + expected[i]);
      }
    }
  }

  private static void assertAllClose(String what, List<double[]> expected, List<double[]> actual) {
    assertEquals(expected.size(), actual.size(), what + ": number of parameters");
    for (int p = 0; p < expected.size(); p++) {
      assertClose(what + " of parameter " + p, expected.get(p), actual.get(p));
    }
  }

  private static List<double[]> values(List<Parameter> parameters) {
    List<double[]> values = new ArrayList<>();
    parameters.forEach(parameter -> values.add(parameter.value().toDoubleArray()));
    return values;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void replaysTheReferenceTrajectory(String name) {
    assumeTrue(
        ReferenceCaseFixture.exists(name),
        "reference case " + name + " not found in " + ReferenceCaseFixture.DIRECTORY);
    ReferenceCaseFixture reference = ReferenceCaseFixture.read(name, backend());
    Sequential model = reference.model();
    List<String> checked = new ArrayList<>();
    try (Optimizer optimizer = reference.optimizer(model.parameters())) {
      StepHook checks =
          new StepHook() {
            @Override
            public void afterBackward(StepContext context) {
              int k = context.globalStep();
              JsonNode step = reference.step(k);
              assertEquals(k, step.get("global_step").asInt());
              assertAllClose(
                  name + " θ_" + k,
                  ReferenceCaseFixture.dataList(step.get("params")),
                  values(context.parameters()));
              assertClose(
                  name + " loss at step " + k,
                  new double[] {ReferenceCaseFixture.number(step.get("forward").get("loss"))},
                  new double[] {context.lossValue().value()});
              checked.add("params " + k);
            }

            @Override
            public void afterStep(StepContext context) {
              int k = context.globalStep();
              JsonNode expected = reference.step(k).get("optimizer_state_after_update");
              if (expected == null) {
                return;
              }
              OptimizerState state = context.optimizer().exportState();
              assertEquals(expected.get("step").asInt(), state.step(), "Adam step counter");
              assertAllClose(
                  name + " exp_avg after step " + k,
                  ReferenceCaseFixture.dataList(expected.get("exp_avg")),
                  state.buffer(Adam.EXP_AVG));
              assertAllClose(
                  name + " exp_avg_sq after step " + k,
                  ReferenceCaseFixture.dataList(expected.get("exp_avg_sq")),
                  state.buffer(Adam.EXP_AVG_SQ));
              checked.add("state " + k);
            }
          };
      Trainer trainer = new Trainer(model, reference.loss(), optimizer).addHook(checks);
      int steps = reference.numberOfSteps();
      TrainingSummary summary = trainer.run(reference::batch, steps);
      assertEquals(steps, summary.stepsRun());
      assertAllClose(
          name + " final θ",
          ReferenceCaseFixture.dataList(reference.root.get("final_params")),
          values(model.parameters()));
      int perStep = optimizer instanceof Adam ? 2 : 1;
      assertEquals(steps * perStep, checked.size(), "checks run: " + checked);
    }
  }
}
