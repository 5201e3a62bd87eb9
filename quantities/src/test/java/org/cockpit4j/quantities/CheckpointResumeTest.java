package org.cockpit4j.quantities;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.checkpoint.Checkpoint;
import org.cockpit4j.checkpoint.CheckpointException;
import org.cockpit4j.checkpoint.CheckpointStore;
import org.cockpit4j.cockpit.Cockpit;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.data.BatchIterator;
import org.cockpit4j.log.CockpitLog;
import org.cockpit4j.log.OriginalLogFormat;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.Dropout;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.nn.Tanh;
import org.cockpit4j.optim.Adam;
import org.cockpit4j.optim.Optimizer;
import org.cockpit4j.optim.Sgd;
import org.cockpit4j.optim.SgdOptions;
import org.cockpit4j.quantity.Quantities;
import org.cockpit4j.quantity.Quantity;
import org.cockpit4j.quantity.Schedules;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.train.BatchSource;
import org.cockpit4j.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after k steps, saved to a {@link CheckpointStore}, restored into freshly built
 * objects and continued, ends with the same parameters and the same Cockpit log, bit for bit, as
 * the uninterrupted run: shuffled batches with a smaller last batch, dropout, Adam or momentum SGD,
 * and every stateful quantity (Alpha and UpdateSize pending across the cut, Distance's θ_0,
 * HessMaxEV's warm start, GradHist1d/GradHist2d with bin adaptation, the Monte-Carlo curvature's
 * draw counter).
 */
class CheckpointResumeTest {
  private static final Backend BACKEND = TwinRun.BACKEND;
  private static final int STEPS = 9;
  private static final int SAMPLES = 23; // batches of 5, 5, 5, 5, 3 per epoch

  /** One training setup, built from seeds only. */
  private static final class Run implements AutoCloseable {
    final Sequential model;
    final Optimizer optimizer;
    final Cockpit cockpit;
    final Trainer trainer;
    final BatchIterator batches;

    Run(DType dtype, String optimizerType) {
      Initializer init = new Initializer(BACKEND, dtype, 7);
      model =
          new Sequential(
              new Linear(init, 4, 6), new Tanh(), new Dropout(0.25, 99), new Linear(init, 6, 3));
      optimizer =
          switch (optimizerType) {
            case "adam" -> new Adam(model.parameters(), 0.01);
            case "momentum" -> new Sgd(model.parameters(), SgdOptions.of(0.05).withMomentum(0.9));
            default -> new Sgd(model.parameters(), 0.1);
          };
      cockpit =
          Cockpit.builder(model).quantities(quantities()).strict(true).warnings(w -> {}).build();
      trainer = new Trainer(model, new CrossEntropyLoss(), optimizer);
      cockpit.attachTo(trainer);
      batches =
          BatchIterator.over(dataset())
              .batchSize(5)
              .backend(BACKEND)
              .dtype(dtype)
              .seed(3)
              .endless(true)
              .build();
    }

    void train(int steps) {
      trainer.run(BatchSource.of(batches), steps);
    }

    @Override
    public void close() {
      cockpit.close();
      optimizer.close();
    }
  }

  private static List<Quantity> quantities() {
    List<Quantity> quantities = new ArrayList<>();
    quantities.add(Quantities.create("Loss", Schedules.linear(1)));
    quantities.add(Quantities.create("GradNorm", Schedules.linear(2)));
    quantities.add(new Alpha(Schedules.linear(1)));
    quantities.add(new UpdateSize(Schedules.linear(1)));
    quantities.add(new Distance(Schedules.linear(2)));
    quantities.add(new HessMaxEV(Schedules.linear(2, 1)));
    quantities.add(
        new GradHist1d(Schedules.linear(1), 12, -0.5, 0.5, new GradAbsMax(Schedules.linear(3))));
    quantities.add(
        new GradHist2d(
            Schedules.linear(2),
            new int[] {6, 5},
            new double[][] {{-1, 1}, {-1, 1}},
            new GradAbsMax(Schedules.linear(2)),
            new ParamAbsMax(Schedules.linear(3)),
            false));
    quantities.add(
        Quantities.create("HessTrace", Schedules.linear(2), Map.of("curvature", "diag_ggn_mc")));
    quantities.add(Quantities.create("MeanGSNR", Schedules.linear(3)));
    return quantities;
  }

  private static ArrayDataset dataset() {
    double[] inputs = new double[SAMPLES * 4];
    int[] labels = new int[SAMPLES];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = CounterRandom.normal(11, i);
    }
    for (int n = 0; n < SAMPLES; n++) {
      labels[n] = (int) (3 * CounterRandom.uniform(12, n));
    }
    return ArrayDataset.classification(inputs, Shape.of(4), labels, 3);
  }

  private static List<long[]> bits(Sequential model) {
    List<long[]> bits = new ArrayList<>();
    for (Parameter parameter : model.parameters()) {
      double[] values = parameter.value().toDoubleArray();
      long[] raw = new long[values.length];
      for (int i = 0; i < values.length; i++) {
        raw[i] = Double.doubleToRawLongBits(values[i]);
      }
      bits.add(raw);
    }
    return bits;
  }

  private void assertResumesExactly(DType dtype, String optimizer, int cut, Path directory) {
    List<long[]> expectedBits;
    String expectedLog;
    try (Run uninterrupted = new Run(dtype, optimizer)) {
      uninterrupted.train(STEPS);
      expectedBits = bits(uninterrupted.model);
      expectedLog = OriginalLogFormat.toJson(uninterrupted.cockpit.output());
      assertTrue(uninterrupted.cockpit.refusedQuantities().isEmpty());
    }

    CheckpointStore store = new CheckpointStore(directory, 2);
    try (Run first = new Run(dtype, optimizer)) {
      first.train(cut);
      store.save(
          first.trainer.globalStep(),
          null,
          state -> {
            state.putState("trainer", first.trainer);
            state.putState("data", first.batches);
          });
    }
    try (Run resumed = new Run(dtype, optimizer)) {
      Checkpoint checkpoint = store.readLatest(BACKEND);
      assertEquals(cut, checkpoint.step());
      checkpoint.state().restoreState("trainer", resumed.trainer);
      checkpoint.state().restoreState("data", resumed.batches);
      assertEquals(cut, resumed.trainer.globalStep());
      resumed.train(STEPS - cut);
      List<long[]> actualBits = bits(resumed.model);
      for (int i = 0; i < expectedBits.size(); i++) {
        assertArrayEquals(expectedBits.get(i), actualBits.get(i), "parameter " + i);
      }
      CockpitLog log = resumed.cockpit.output();
      assertEquals(expectedLog, OriginalLogFormat.toJson(log), "the Cockpit log after resuming");
      assertFalse(log.column("Alpha").isEmpty());
    }
  }

  @Test
  void adamInFloat32ResumesBitForBit(@TempDir Path directory) {
    assertResumesExactly(DType.FLOAT32, "adam", 4, directory);
  }

  @Test
  void momentumSgdInFloat64ResumesBitForBitAcrossAnEpochBoundary(@TempDir Path directory) {
    // step 5 is the first batch of epoch 1; step 4 the smaller last batch of epoch 0
    assertResumesExactly(DType.FLOAT64, "momentum", 5, directory);
  }

  @Test
  void plainSgdResumesBitForBitWithAlphasGradientPath(@TempDir Path directory) {
    // zero-momentum SGD: Alpha keeps the direction −lr·ḡ in factored form across the cut
    assertResumesExactly(DType.FLOAT64, "sgd", 3, directory);
  }

  @Test
  void aCheckpointOfAnotherModelFailsNamingTheParameter(@TempDir Path directory) {
    CheckpointStore store = new CheckpointStore(directory, 1);
    try (Run run = new Run(DType.FLOAT32, "adam")) {
      run.train(2);
      store.save(2, null, state -> state.putState("trainer", run.trainer));
    }
    try (Run other = new Run(DType.FLOAT64, "adam")) {
      Checkpoint checkpoint = store.readLatest(BACKEND);
      CheckpointException error =
          assertThrows(
              CheckpointException.class,
              () -> checkpoint.state().restoreState("trainer", other.trainer));
      assertTrue(error.getMessage().contains("0.weight"), error.getMessage());
      assertTrue(error.getMessage().contains("float32"), error.getMessage());
    }
    try (Run sgd = new Run(DType.FLOAT32, "momentum")) {
      Checkpoint checkpoint = store.readLatest(BACKEND);
      CheckpointException error =
          assertThrows(
              CheckpointException.class,
              () -> checkpoint.state().restoreState("trainer", sgd.trainer));
      assertTrue(error.getMessage().contains("adam"), error.getMessage());
    }
  }
}
