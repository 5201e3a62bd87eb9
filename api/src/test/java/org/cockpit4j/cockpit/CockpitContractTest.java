package org.cockpit4j.cockpit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.extension.Extensions;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.CockpitLogReader;
import org.cockpit4j.nn.Layer;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.quantity.ExtensionResult;
import org.cockpit4j.quantity.GradientTransform;
import org.cockpit4j.quantity.HessianOperator;
import org.cockpit4j.quantity.HistogramBins;
import org.cockpit4j.quantity.Needs;
import org.cockpit4j.quantity.ParameterDirection;
import org.cockpit4j.quantity.PerSampleGradients;
import org.cockpit4j.quantity.RetainedGradients;
import org.cockpit4j.quantity.Schedule;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.quantity.SingleStepQuantity;
import org.cockpit4j.quantity.StepInfo;
import org.cockpit4j.quantity.TrackedStep;
import org.cockpit4j.quantity.UnsupportedSettingException;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.cockpit4j.train.BatchSource;
import org.cockpit4j.train.StepContext;
import org.cockpit4j.train.StepHook;
import org.cockpit4j.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cockpit orchestrator on a tiny float64 network with test quantities: plain backward at
 * untracked steps, one merged pass at tracked steps, per-sample gradient views that agree with a
 * per-sample loop, refusal of quantities that cannot run (once, or an error in strict mode), the
 * Hessian operator, and the streamed log.
 */
public abstract class CockpitContractTest {
  private static final double TOLERANCE = 1e-12;

  @TempDir Path directory;

  /** The backend under test. */
  protected abstract Backend backend();

  private TinyProblem problem() {
    return new TinyProblem(backend(), 3);
  }

  /** A test quantity that records what it was asked and what it saw. */
  private static class Probe extends SingleStepQuantity {
    final Needs needs;
    final List<Integer> askedAt = new ArrayList<>();
    final List<TrackedStep> seen = new ArrayList<>();
    final List<Object> values = new ArrayList<>();
    java.util.function.Function<TrackedStep, Object> compute = step -> (double) step.step();

    Probe(Schedule schedule, Needs needs) {
      super(schedule);
      this.needs = needs;
    }

    @Override
    public String name() {
      return "Probe" + System.identityHashCode(this);
    }

    @Override
    public Needs needs(StepInfo info) {
      askedAt.add(info.step());
      return needs;
    }

    @Override
    protected Object compute(TrackedStep step) {
      Object value = compute.apply(step);
      values.add(value);
      return value;
    }
  }

  private static double[] trajectory(TinyProblem problem, Cockpit cockpitOrNull, int steps) {
    Sequential model = problem.model();
    return trajectory(problem, model, cockpitOrNull, steps);
  }

  private static double[] trajectory(
      TinyProblem problem, Sequential model, Cockpit cockpit, int steps) {
    Trainer trainer = new Trainer(model, problem.loss(), new Sgd(model.parameters(), 0.3));
    if (cockpit != null) {
      cockpit.attachTo(trainer);
    }
    trainer.run(problem::batch, steps);
    return TinyProblem.flatValues(model.parameters());
  }

  @Test
  void untrackedStepsRunThePlainBackwardAndTrackedStepsKeepTheGradients() {
    TinyProblem problem = problem();
    double[] plain = trajectory(problem, null, 5);
    Sequential model = problem.model();
    Probe probe =
        new Probe(
            Schedules.linear(2, 1),
            Needs.builder()
                .extension(Extensions.BATCH_L2)
                .extension(Extensions.DIAG_HESSIAN)
                .transform(PerSampleGradients::absMax)
                .build());
    try (Cockpit cockpit = Cockpit.builder(model).quantities(probe).build()) {
      double[] tracked = trajectory(problem, model, cockpit, 5);
      assertArrayEquals(plain, tracked, 1e-14, "the extensions must not change the trajectory");
      assertEquals(List.of(1, 3), probe.askedAt);
      assertEquals(List.of(1, 3), new ArrayList<>(cockpit.output().column(probe.name()).keySet()));
      assertEquals(false, cockpit.isTracked(2));
    }
  }

  @Test
  void mergesTheNeedsOfAllQuantitiesIntoOnePass() {
    TinyProblem problem = problem();
    Sequential model = problem.model();
    Needs l2 = Needs.extensions(Extensions.BATCH_L2);
    Probe first = new Probe(Schedules.everyStep(), l2);
    Probe second = new Probe(Schedules.everyStep(), Needs.extensions(Extensions.BATCH_L2));
    int[] passes = {0};
    first.compute =
        step -> {
          ExtensionResult result = step.result(Extensions.BATCH_L2);
          return result.summed()[0];
        };
    second.compute = step -> step.result(Extensions.BATCH_L2).summed()[0];
    try (Cockpit cockpit = Cockpit.builder(model).quantities(first, second).build()) {
      Trainer trainer = new Trainer(model, problem.loss(), new Sgd(model.parameters(), 0.1));
      cockpit.attachTo(trainer);
      trainer.addHook(
          new StepHook() {
            @Override
            public void afterBackward(StepContext context) {
              passes[0]++;
            }
          });
      trainer.run(problem::batch, 2);
      assertEquals(2, passes[0]);
      assertEquals(first.values, second.values);
      // batch_l2 summed over parameters is Σ_p ‖G_n,p‖² with G_n = ∇ℓ_n / N.
      Sequential twin = problem.model();
      double[][] perSample = problem.perSampleGradients(twin, 0);
      double expected = 0;
      for (double g : perSample[0]) {
        expected += g * g / (TinyProblem.BATCH * TinyProblem.BATCH);
      }
      assertEquals(expected, (Double) first.values.get(0), 1e-12 * expected);
    }
  }

  /** What a transform saw of one parameter, checked against the per-sample loop afterwards. */
  private record Seen(
      Parameter parameter,
      double[] materialized,
      double[] histogram,
      long[] histogram2d,
      double absMax,
      double[] projectionsOntoSum,
      double[] projectionsOntoDirection,
      double[] projectionsOntoOwnSum,
      double[] retainedProjections,
      double[] direction,
      double[] theta) {}

  @Test
  void perSampleViewsAgreeWithAPerSampleLoop() {
    TinyProblem problem = problem();
    Sequential model = problem.model();
    HistogramBins bins = new HistogramBins(11, -0.6, 0.4);
    HistogramBins thetaBins = new HistogramBins(6, -0.5, 0.5);
    List<Seen> seen = new ArrayList<>();
    GradientTransform<Void> transform =
        gradients -> {
          Parameter parameter = gradients.parameter();
          try (TensorScope scope = TensorScope.open()) {
            double[] direction = new double[parameter.size()];
            for (int j = 0; j < direction.length; j++) {
              direction[j] = Math.sin(3 * j + 1);
            }
            Tensor directionTensor =
                backend().fromArray(direction, parameter.shape(), parameter.value().dtype());
            try (ParameterDirection dense =
                    ParameterDirection.dense(TensorScope.detach(directionTensor));
                ParameterDirection sum = gradients.sum(2.0);
                RetainedGradients retained = gradients.retain()) {
              seen.add(
                  new Seen(
                      parameter,
                      gradients.materialize().toDoubleArray(),
                      gradients.histogram(bins),
                      gradients.histogram2d(bins, thetaBins),
                      gradients.absMax(),
                      gradients.projectOntoSum(),
                      gradients.project(dense),
                      gradients.project(sum),
                      retained.project(dense),
                      direction,
                      parameter.value().toDoubleArray()));
            }
          }
          return null;
        };
    Probe probe = new Probe(Schedules.linear(1, 0), Needs.builder().transform(transform).build());
    try (Cockpit cockpit = Cockpit.builder(model).quantities(probe).build()) {
      Trainer trainer = new Trainer(model, problem.loss(), new Sgd(model.parameters(), 0.1));
      cockpit.attachTo(trainer);
      trainer.run(problem::batch, 1);
    }
    assertEquals(4, seen.size(), "one view per parameter");
    Sequential twin = problem.model();
    double[][] perSample = problem.perSampleGradients(twin, 0);
    int batch = TinyProblem.BATCH;
    List<Parameter> parameters = twin.parameters();
    for (Seen view : seen) {
      int index = model.parameters().indexOf(view.parameter());
      int offset = 0;
      for (int i = 0; i < index; i++) {
        offset += parameters.get(i).size();
      }
      int size = parameters.get(index).size();
      double[] expectedHistogram = new double[bins.count()];
      long[] expectedPairs = new long[bins.count() * thetaBins.count()];
      double absMax = 0;
      double[] sums = new double[size];
      for (int n = 0; n < batch; n++) {
        for (int j = 0; j < size; j++) {
          double g = perSample[n][offset + j];
          sums[j] += g / batch;
          assertEquals(g / batch, view.materialized()[n * size + j], TOLERANCE, "G_n");
          expectedHistogram[bins.clampedHistcIndex(g)]++;
          expectedPairs[
              bins.centreClampedIndex(g) * thetaBins.count()
                  + thetaBins.centreClampedIndex(view.theta()[j])]++;
          absMax = Math.max(absMax, Math.abs(g));
        }
      }
      assertArrayEquals(expectedHistogram, view.histogram(), view.parameter().name());
      assertArrayEquals(expectedPairs, view.histogram2d(), view.parameter().name());
      assertEquals(absMax, view.absMax(), TOLERANCE);
      for (int n = 0; n < batch; n++) {
        double ontoSum = 0;
        double ontoDirection = 0;
        for (int j = 0; j < size; j++) {
          double g = perSample[n][offset + j] / batch;
          ontoSum += g * sums[j];
          ontoDirection += g * view.direction()[j];
        }
        assertEquals(ontoSum, view.projectionsOntoSum()[n], TOLERANCE);
        assertEquals(2 * ontoSum, view.projectionsOntoOwnSum()[n], TOLERANCE);
        assertEquals(ontoDirection, view.projectionsOntoDirection()[n], TOLERANCE);
        assertEquals(ontoDirection, view.retainedProjections()[n], TOLERANCE);
      }
    }
  }

  @Test
  void refusesAQuantityOnceAndTracksTheOthers() {
    TinyProblem problem = problem();
    Sequential model = problem.model();
    Probe good = new Probe(Schedules.everyStep(), Needs.none());
    SingleStepQuantity bad =
        new SingleStepQuantity(Schedules.everyStep()) {
          @Override
          public String name() {
            return "Bad";
          }

          @Override
          public Needs needs(StepInfo info) {
            throw new UnsupportedSettingException("cannot run here");
          }

          @Override
          protected Object compute(TrackedStep step) {
            return 0.0;
          }
        };
    List<String> warnings = new ArrayList<>();
    try (Cockpit cockpit =
        Cockpit.builder(model).quantities(bad, good).warnings(warnings::add).build()) {
      trajectory(problem, model, cockpit, 3);
      assertEquals(Map.of("Bad", "cannot run here"), cockpit.refusedQuantities());
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("Bad is not tracked: cannot run here"));
      assertEquals(3, cockpit.output().column(good.name()).size());
      assertEquals(List.of(good), cockpit.activeQuantities());
    }
    Sequential strictModel = problem.model();
    try (Cockpit strict = Cockpit.builder(strictModel).quantities(bad).strict(true).build()) {
      UnsupportedSettingException error =
          assertThrows(
              UnsupportedSettingException.class, () -> trajectory(problem, strictModel, strict, 1));
      assertEquals("cannot run here", error.getMessage());
    }
  }

  @Test
  void refusesQuantitiesWhoseExtensionsHaveNoRuleForALayer() {
    TinyProblem problem = problem();
    Sequential inner = problem.model();
    Layer custom = new ScaledIdentity(inner);
    Probe needsRule = new Probe(Schedules.everyStep(), Needs.extensions(Extensions.BATCH_DOT));
    Probe plain = new Probe(Schedules.everyStep(), Needs.none());
    List<String> warnings = new ArrayList<>();
    try (Cockpit cockpit =
        Cockpit.builder(custom).quantities(needsRule, plain).warnings(warnings::add).build()) {
      Trainer trainer = new Trainer(custom, problem.loss(), new Sgd(custom.parameters(), 0.1));
      cockpit.attachTo(trainer);
      trainer.run(problem::batch, 2);
      assertEquals(List.of(needsRule.name()), List.copyOf(cockpit.refusedQuantities().keySet()));
      assertTrue(
          cockpit.refusedQuantities().get(needsRule.name()).contains("batch_dot"),
          cockpit.refusedQuantities().toString());
      assertEquals(2, cockpit.output().column(plain.name()).size());
    }
  }

  @Test
  void hessianOperatorMatchesFiniteDifferences() {
    TinyProblem problem = problem();
    Sequential model = problem.model();
    double[][] products = new double[3][];
    Probe probe = new Probe(Schedules.linear(1, 0), Needs.builder().hessianProducts().build());
    probe.compute =
        step -> {
          HessianOperator hessian = step.hessian();
          for (int j = 0; j < 3; j++) {
            double[] unit = new double[hessian.dimension()];
            unit[j * 7] = 1;
            products[j] = hessian.apply(unit);
          }
          return (double) hessian.productCount();
        };
    try (Cockpit cockpit = Cockpit.builder(model).quantities(probe).build()) {
      Trainer trainer = new Trainer(model, problem.loss(), new Sgd(model.parameters(), 0.1));
      cockpit.attachTo(trainer);
      trainer.run(problem::batch, 1);
      assertEquals(3.0, cockpit.output().get(0, probe.name()));
    }
    double[][] hessian = problem.hessian(problem.model(), 0);
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < hessian.length; i++) {
        assertEquals(hessian[i][j * 7], products[j][i], 1e-7, "H[" + i + "," + j * 7 + "]");
      }
    }
  }

  @Test
  void aParameterSubsetGetsItsResultsAndItsHessianBlock() {
    TinyProblem problem = problem();
    Sequential model = problem.model();
    Parameter weight = model.parameters().get(2);
    double[][] column = new double[1][];
    Probe probe =
        new Probe(
            Schedules.linear(1, 0),
            Needs.builder().extension(Extensions.SUM_GRAD_SQUARED).hessianProducts().build());
    probe.compute =
        step -> {
          assertEquals(List.of(weight), step.info().parameters());
          assertEquals(
              weight.size(), step.result(Extensions.SUM_GRAD_SQUARED).concatenated().length);
          double[] unit = new double[step.hessian().dimension()];
          unit[5] = 1;
          column[0] = step.hessian().apply(unit);
          return 0.0;
        };
    try (Cockpit cockpit =
        Cockpit.builder(model).parameters(List.of(weight)).quantities(probe).build()) {
      Trainer trainer = new Trainer(model, problem.loss(), new Sgd(model.parameters(), 0.1));
      cockpit.attachTo(trainer);
      trainer.run(problem::batch, 1);
    }
    double[][] hessian = problem.hessian(problem.model(), 0);
    int offset = model.parameters().get(0).size() + model.parameters().get(1).size();
    assertEquals(weight.size(), column[0].length);
    for (int i = 0; i < weight.size(); i++) {
      assertEquals(hessian[offset + i][offset + 5], column[0][i], 1e-7);
    }
  }

  @Test
  void streamsEveryTrackedStepToAJsonLinesLogAndWritesTheOriginalLayout() {
    TinyProblem problem = problem();
    Sequential model = problem.model();
    Path log = directory.resolve("run/cockpit.jsonl");
    Probe probe = new Probe(Schedules.linear(2, 0), Needs.none());
    probe.compute = step -> step.step() == 2 ? Double.NaN : (double) step.step();
    try (Cockpit cockpit = Cockpit.builder(model).quantities(probe).jsonLinesLog(log).build()) {
      trajectory(problem, model, cockpit, 5);
      CockpitLog streamed = CockpitLogReader.read(log);
      assertEquals(List.of(0, 2, 4), new ArrayList<>(streamed.steps().keySet()));
      assertTrue(Double.isNaN((Double) streamed.get(2, probe.name())));
      cockpit.record(4, "learning_rate", 0.1);
      Path original = directory.resolve("run/cockpit.json");
      cockpit.writeOriginalLog(original);
      assertEquals(cockpit.output().asMap(), CockpitLogReader.read(original).asMap());
      assertEquals(0.1, CockpitLogReader.read(log).get(4, "learning_rate"));
    }
  }

  @Test
  void manualUseAroundAnyLoopMatchesTheTrainer() {
    TinyProblem problem = problem();
    Probe viaTrainer = new Probe(Schedules.everyStep(), Needs.extensions(Extensions.BATCH_L2));
    viaTrainer.compute = step -> step.result(Extensions.BATCH_L2).summed()[1];
    Sequential first = problem.model();
    try (Cockpit cockpit = Cockpit.builder(first).quantities(viaTrainer).build()) {
      trajectory(problem, first, cockpit, 3);
    }
    Probe manual = new Probe(Schedules.everyStep(), Needs.extensions(Extensions.BATCH_L2));
    manual.compute = viaTrainer.compute;
    Sequential second = problem.model();
    Sgd optimizer = new Sgd(second.parameters(), 0.3);
    org.cockpit4j.nn.Loss loss = problem.loss();
    try (Cockpit cockpit = Cockpit.builder(second).quantities(manual).build()) {
      for (int step = 0; step < 3; step++) {
        try (TensorScope scope = TensorScope.open()) {
          var batch = problem.batch(step);
          var value = loss.forward(second.forward(batch.inputs()), batch.targets());
          cockpit.backward(step, loss, value, optimizer);
          optimizer.step();
          optimizer.zeroGrad();
        }
      }
    }
    assertEquals(viaTrainer.values, manual.values);
    assertArrayEquals(
        TinyProblem.flatValues(first.parameters()), TinyProblem.flatValues(second.parameters()));
  }

  @Test
  void theTrainerDefaultsToThePlainBackward() {
    TinyProblem problem = problem();
    Sequential model = problem.model();
    Trainer trainer = new Trainer(model, problem.loss(), new Sgd(model.parameters(), 0.1));
    assertEquals("plain backward", trainer.backwardStrategy().toString());
    assertThrows(IllegalArgumentException.class, () -> trainer.withBackwardStrategy(null));
    assertNull(BatchSource.of(java.util.Collections.emptyIterator()).next(0));
  }

  /** A layer the extensions have no rules for: wraps a model and adds nothing. */
  private static final class ScaledIdentity implements Layer {
    private final Sequential inner;

    ScaledIdentity(Sequential inner) {
      this.inner = inner;
    }

    @Override
    public String type() {
      return "custom";
    }

    @Override
    public List<Parameter> parameters() {
      return inner.parameters();
    }

    @Override
    public Shape outputShape(Shape inputShape) {
      return inner.outputShape(inputShape);
    }

    @Override
    public Tensor forward(Tensor input) {
      return inner.forward(input);
    }

    @Override
    public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
      return inner.backward(outputGradient, inputGradientNeeded);
    }

    @Override
    public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
      return inner.inputJacobianTransposeProduct(outputSpaceStack);
    }
  }
}
