package org.cockpit4j.examples.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.cpu.CpuBackend;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.cockpit.TinyProblem;
import org.cockpit4j.examples.experiment.config.CockpitConfig;
import org.cockpit4j.examples.experiment.config.ExperimentPoint;
import org.cockpit4j.examples.experiment.plugin.Origin;
import org.cockpit4j.examples.experiment.plugin.PluginCatalog;
import org.cockpit4j.examples.experiment.plugin.Provided;
import org.cockpit4j.examples.experiment.wiring.QuantityFactory;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.QuantityOutput;
import org.cockpit4j.quantity.QuantityProvider;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;
import org.cockpit4j.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * A (plugin) quantity that throws while computing is disabled with a message and the run goes on;
 * one whose provider throws while creating it is left out with a message naming the key.
 */
class FailingQuantityTest {

  /** Throws from {@code track} from step {@code failAt} on. */
  static final class Broken extends Quantity {
    private final int failAt;

    Broken(Schedule schedule, int failAt) {
      super(schedule);
      this.failAt = failAt;
    }

    @Override
    public boolean shouldCompute(int step) {
      return true;
    }

    @Override
    public Needs needs(StepInfo info) {
      return Needs.none();
    }

    @Override
    public QuantityOutput track(TrackedStep step) {
      if (step.step() >= failAt) {
        throw new IllegalStateException("broken plugin at step " + step.step());
      }
      return QuantityOutput.of(step.step(), 1.0);
    }
  }

  @Test
  void aQuantityThatThrowsWhileComputingIsDisabledAndTheRunGoesOn() {
    TinyProblem problem = new TinyProblem(new CpuBackend(1), 3);
    Sequential model = problem.model();
    List<String> warnings = new ArrayList<>();
    Quantity loss = org.cockpit4j.quantity.Quantities.create("Loss", Schedules.linear(1));
    try (Cockpit cockpit =
        Cockpit.builder(model)
            .quantities(new Broken(Schedules.linear(1), 2), loss)
            .warnings(warnings::add)
            .build()) {
      Trainer trainer = new Trainer(model, problem.loss(), new Sgd(model.parameters(), 0.1));
      cockpit.attachTo(trainer);
      trainer.run(problem::batch, 5);
      assertEquals(5, cockpit.output().column("Loss").size(), "the other quantities go on");
      assertEquals(2, cockpit.output().column("Broken").size(), "steps 0 and 1 before failing");
      String reason = cockpit.refusedQuantities().get("Broken");
      assertTrue(reason.contains("failed at step 2") && reason.contains("broken plugin"), reason);
      assertEquals(1, warnings.size(), warnings.toString());
    }
  }

  @Test
  void inStrictModeTheFailurePropagates() {
    TinyProblem problem = new TinyProblem(new CpuBackend(1), 3);
    Sequential model = problem.model();
    try (Cockpit cockpit =
        Cockpit.builder(model)
            .quantities(new Broken(Schedules.linear(1), 1))
            .strict(true)
            .build()) {
      Trainer trainer = new Trainer(model, problem.loss(), new Sgd(model.parameters(), 0.1));
      cockpit.attachTo(trainer);
      assertThrows(IllegalStateException.class, () -> trainer.run(problem::batch, 3));
    }
  }

  @Test
  void aProviderThatThrowsWhileCreatingIsLeftOutWithAMessage() {
    ExperimentPoint point =
        Experiments.parse(
                """
                name: t
                data: {dataset: {type: random_images}, batch_size: 4}
                model: {architecture: logreg}
                optimizer: {type: sgd, lr: 0.1}
                training: {steps: 1}
                cockpit:
                  preset: none
                  quantities:
                    - {type: Loss}
                    - {type: Exploding}
                """)
            .single();
    QuantityProvider exploding =
        new QuantityProvider() {
          @Override
          public java.util.Set<String> names() {
            return java.util.Set.of("Exploding");
          }

          @Override
          public Quantity create(String name, Schedule schedule, Map<String, Object> options) {
            throw new NoClassDefFoundError("org/example/Missing");
          }
        };
    Map<String, Provided<QuantityProvider>> providers =
        new LinkedHashMap<>(PluginCatalog.discover(null).quantities());
    providers.put("Exploding", new Provided<>("Exploding", exploding, Origin.of(exploding)));
    List<String> warnings = new ArrayList<>();
    CockpitConfig cockpit = point.config().cockpit();
    List<Quantity> quantities =
        QuantityFactory.create(cockpit, providers, point.sources(), warnings::add);
    assertEquals(1, quantities.size());
    assertEquals("Loss", quantities.get(0).name());
    assertEquals(1, warnings.size());
    String warning = warnings.get(0);
    assertTrue(
        warning.contains("test.yaml:10:")
            && warning.contains("cockpit.quantities.1")
            && warning.contains("Exploding")
            && warning.contains("org/example/Missing")
            && warning.contains("Fix:"),
        warning);
  }
}
