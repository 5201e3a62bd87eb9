package org.cockpit4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.data.Batch;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.MseLoss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.optim.OptimizerTestSupport;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.optim.SgdOptions;
import org.cockpit4j.optim.StepSchedule;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Trainer} on a tiny linear regression problem (one {@link Linear} layer, {@link MseLoss}),
 * on any backend supporting float64.
 */
public abstract class TrainerContractTest {
  private static final int FEATURES = 3;
  private static final int OUTPUTS = 2;
  private static final int BATCH = 4;

  private final List<Batch> batches = new ArrayList<>();

  /** The backend under test. */
  protected abstract Backend backend();

  private Tensor tensor(double[] data, int... dims) {
    return backend().fromArray(data, Shape.of(dims), DType.FLOAT64);
  }

  /** Two batches of a realizable problem t = x·W*ᵀ + b*. */
  @BeforeEach
  void makeBatches() {
    Random random = new Random(42);
    double[] trueWeight = {1.0, -2.0, 0.5, 0.3, 0.8, -1.2};
    double[] trueBias = {0.2, -0.4};
    for (int b = 0; b < 2; b++) {
      double[] inputs = new double[BATCH * FEATURES];
      double[] targets = new double[BATCH * OUTPUTS];
      for (int n = 0; n < BATCH; n++) {
        for (int i = 0; i < FEATURES; i++) {
          inputs[n * FEATURES + i] = 2 * random.nextDouble() - 1;
        }
        for (int o = 0; o < OUTPUTS; o++) {
          double sum = trueBias[o];
          for (int i = 0; i < FEATURES; i++) {
            sum += trueWeight[o * FEATURES + i] * inputs[n * FEATURES + i];
          }
          targets[n * OUTPUTS + o] = sum;
        }
      }
      batches.add(new Batch(tensor(inputs, BATCH, FEATURES), tensor(targets, BATCH, OUTPUTS)));
    }
  }

  @AfterEach
  void closeBatches() {
    batches.forEach(Batch::close);
    batches.clear();
  }

  private Sequential model() {
    Sequential model =
        new Sequential(
            new Linear(new Initializer(backend(), DType.FLOAT64, 7), FEATURES, OUTPUTS, true));
    model.setParameterValues(
        List.of(new double[] {0.1, 0.2, -0.1, 0.05, -0.3, 0.2}, new double[OUTPUTS]));
    return model;
  }

  private static List<double[]> host(List<Parameter> parameters, boolean gradients) {
    List<double[]> arrays = new ArrayList<>();
    for (Parameter parameter : parameters) {
      arrays.add((gradients ? parameter.gradient() : parameter.value()).toDoubleArray());
    }
    return arrays;
  }

  /** Records hook and listener calls and checks what each one sees. */
  private final class Recorder implements StepHook {
    private final String name;
    private final List<String> events;
    private final StepSchedule schedule;
    private List<double[]> thetaBefore;
    private List<double[]> gradients;

    Recorder(String name, List<String> events, StepSchedule schedule) {
      this.name = name;
      this.events = events;
      this.schedule = schedule;
    }

    @Override
    public void afterBackward(StepContext context) {
      int step = context.globalStep();
      events.add(name + " afterBackward " + step);
      assertEquals(schedule.learningRate(step), context.learningRate(), 0.0);
      assertEquals(context.learningRate(), context.optimizer().learningRate(), 0.0);
      assertSame(batches.get(step % 2), context.batch(), "the cycling source's batch");
      for (Parameter parameter : context.parameters()) {
        assertNotNull(parameter.gradient(), parameter.name() + " has a gradient");
      }
      thetaBefore = host(context.parameters(), false);
      gradients = host(context.parameters(), true);
      assertTrue(context.lossValue().value() > 0);
      assertEquals(BATCH, context.lossValue().individualLosses().dim(0));
    }

    @Override
    public void afterStep(StepContext context) {
      events.add(name + " afterStep " + context.globalStep());
      List<double[]> thetaAfter = host(context.parameters(), false);
      for (int p = 0; p < thetaAfter.size(); p++) {
        double[] expected = thetaBefore.get(p).clone();
        for (int j = 0; j < expected.length; j++) {
          expected[j] -= context.learningRate() * gradients.get(p)[j];
        }
        OptimizerTestSupport.assertClose("θ_{k+1}", expected, thetaAfter.get(p), 1e-14);
      }
    }
  }

  @Test
  void callsHooksAndListenersInOrderWithGlobalStepsAndScheduledRates() {
    Sequential model = model();
    StepSchedule schedule = new StepSchedule(0.1, 2, 0.5);
    List<String> events = new ArrayList<>();
    List<StepMetrics> metrics = new ArrayList<>();
    Trainer trainer =
        new Trainer(model, new MseLoss(), new Sgd(model.parameters(), 1.0))
            .withSchedule(schedule)
            .addHook(new Recorder("first", events, schedule))
            .addHook(new Recorder("second", events, schedule))
            .addListener(
                m -> {
                  events.add("metrics " + m.globalStep());
                  metrics.add(m);
                });
    BatchSource source = BatchSource.cycling(batches);

    TrainingSummary summary = trainer.run(source, 4);
    assertEquals(4, summary.stepsRun());
    assertEquals(4, trainer.globalStep());
    trainer.run(source, 2);

    List<String> expected = new ArrayList<>();
    for (int step = 0; step < 6; step++) {
      expected.add("first afterBackward " + step);
      expected.add("second afterBackward " + step);
      expected.add("first afterStep " + step);
      expected.add("second afterStep " + step);
      expected.add("metrics " + step);
    }
    assertEquals(expected, events);
    for (int step = 0; step < 6; step++) {
      StepMetrics m = metrics.get(step);
      assertEquals(step, m.globalStep());
      assertEquals(schedule.learningRate(step), m.learningRate(), 0.0);
      assertEquals(BATCH, m.batchSize());
      assertTrue(m.hookMilliseconds() >= 0 && m.hookMilliseconds() <= m.stepMilliseconds());
    }
    assertEquals(metrics.get(3).loss(), summary.lastLoss(), 0.0);
  }

  @Test
  void sgdWithMomentumFitsARealizableProblem() {
    Sequential model = model();
    Optimizer sgd = new Sgd(model.parameters(), SgdOptions.of(0.3).withMomentum(0.5));
    assertLossFalls(new Trainer(model, new MseLoss(), sgd), 1e-4);
  }

  @Test
  void adamFitsARealizableProblem() {
    Sequential model = model();
    Optimizer adam = new Adam(model.parameters(), 0.05);
    assertLossFalls(new Trainer(model, new MseLoss(), adam), 1e-3);
  }

  private void assertLossFalls(Trainer trainer, double factor) {
    List<Double> losses = new ArrayList<>();
    trainer.addListener(m -> losses.add(m.loss()));
    trainer.run(BatchSource.cycling(batches), 150);
    double first = losses.get(0);
    double last = losses.get(losses.size() - 1);
    assertTrue(last < factor * first, "loss fell from " + first + " to only " + last);
  }

  @Test
  void freesEveryTemporaryButKeepsParametersAndOptimizerState() {
    Sequential model = model();
    Sgd sgd = new Sgd(model.parameters(), SgdOptions.of(0.1).withMomentum(0.9));
    Trainer trainer = new Trainer(model, new MseLoss(), sgd);
    try (TensorScope outer = TensorScope.open()) {
      trainer.run(BatchSource.cycling(batches), 3);
      assertEquals(0, outer.ownedCount(), "nothing of the steps leaks into the caller's scope");
    }
    for (Parameter parameter : model.parameters()) {
      assertFalse(parameter.value().isClosed(), parameter.name());
      assertNull(parameter.gradient(), "gradients are dropped after each step");
    }
    assertEquals(2, sgd.exportState().buffer(Sgd.MOMENTUM_BUFFER).size());
    trainer.run(BatchSource.cycling(batches), 1);
    assertEquals(4, sgd.stepCount());
  }

  @Test
  void stopsWhenTheSourceRunsOut() {
    Sequential model = model();
    Trainer trainer = new Trainer(model, new MseLoss(), new Sgd(model.parameters(), 0.1));
    TrainingSummary summary = trainer.run(batches.iterator(), 5);
    assertEquals(2, summary.stepsRun());
    assertEquals(2, trainer.globalStep());
    assertNull(trainer.step(step -> null));
    assertEquals(2, trainer.globalStep());
  }
}
