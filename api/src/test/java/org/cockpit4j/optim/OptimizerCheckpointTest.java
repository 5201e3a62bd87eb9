package org.cockpit4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cockpit4j.checkpoint.CheckpointException;
import org.cockpit4j.checkpoint.StateSnapshot;
import org.cockpit4j.data.HostArrayBackend;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * The optimizers' checkpoint state ({@link Optimizer#saveState}): step counter, learning rate and
 * buffers come back bit for bit, float32 buffers stored as float32.
 */
class OptimizerCheckpointTest {
  private final HostArrayBackend backend = new HostArrayBackend();

  private List<Parameter> parameters(DType dtype) {
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < OptimizerTestSupport.SHAPES.size(); i++) {
      Shape shape = OptimizerTestSupport.SHAPES.get(i);
      parameters.add(
          new Parameter(
              i + ".weight",
              "weight",
              backend.fromArray(new double[shape.sizeAsInt()], shape, dtype)));
    }
    return parameters;
  }

  private static List<double[]> arrays(Random random, DType dtype) {
    List<double[]> arrays = OptimizerTestSupport.randomArrays(random);
    if (dtype == DType.FLOAT32) {
      for (double[] array : arrays) {
        for (int i = 0; i < array.length; i++) {
          array[i] = (float) array[i];
        }
      }
    }
    return arrays;
  }

  private static void assertSameState(OptimizerState expected, OptimizerState actual) {
    assertEquals(expected.type(), actual.type());
    assertEquals(expected.step(), actual.step());
    assertEquals(expected.buffers().keySet(), actual.buffers().keySet());
    expected
        .buffers()
        .forEach(
            (name, arrays) -> {
              for (int i = 0; i < arrays.size(); i++) {
                assertArrayEquals(arrays.get(i), actual.buffer(name).get(i), name + " " + i);
              }
            });
  }

  @Test
  void adamMomentsStepAndLearningRateRoundTrip() {
    for (DType dtype : DType.values()) {
      Random random = new Random(3);
      Adam saved = new Adam(parameters(dtype), 0.01);
      Map<String, List<double[]>> buffers = new LinkedHashMap<>();
      buffers.put(Adam.EXP_AVG, arrays(random, dtype));
      buffers.put(Adam.EXP_AVG_SQ, arrays(random, dtype));
      saved.importState(new OptimizerState("adam", 17, buffers));
      saved.setLearningRate(0.1 / 3);
      StateSnapshot snapshot = StateSnapshot.of(state -> state.putState("optimizer", saved));

      Adam restored = new Adam(parameters(dtype), 0.01);
      snapshot.reader(backend).restoreState("optimizer", restored);
      assertSameState(saved.exportState(), restored.exportState());
      assertEquals(0.1 / 3, restored.learningRate());
      assertEquals(17, restored.stepCount());
      int floats = dtype == DType.FLOAT32 ? 4 : 8;
      assertEquals(2 * 16 * floats, snapshot.arrayBytes(), dtype.toString());
    }
  }

  @Test
  void sgdWithAndWithoutMomentumBuffersRoundTrip() {
    Random random = new Random(4);
    Sgd saved = new Sgd(parameters(DType.FLOAT64), SgdOptions.of(0.1).withMomentum(0.9));
    saved.importState(
        new OptimizerState("sgd", 3, Map.of(Sgd.MOMENTUM_BUFFER, arrays(random, DType.FLOAT64))));
    Sgd restored = new Sgd(parameters(DType.FLOAT64), SgdOptions.of(0.1).withMomentum(0.9));
    StateSnapshot.of(state -> state.putState("optimizer", saved))
        .reader(backend)
        .restoreState("optimizer", restored);
    assertSameState(saved.exportState(), restored.exportState());

    Sgd fresh = new Sgd(parameters(DType.FLOAT64), 0.1);
    restored.restoreState(StateSnapshot.of(fresh::saveState).reader(backend));
    assertFalse(restored.exportState().has(Sgd.MOMENTUM_BUFFER));
    assertEquals(0, restored.stepCount());
  }

  @Test
  void anotherOptimizerOrParameterCountIsRefused() {
    StateSnapshot adam = StateSnapshot.of(new Adam(parameters(DType.FLOAT64), 0.01)::saveState);
    CheckpointException type =
        assertThrows(
            CheckpointException.class,
            () -> new Sgd(parameters(DType.FLOAT64), 0.1).restoreState(adam.reader(backend)));
    assertTrue(type.getMessage().contains("saved optimizer is adam"), type.getMessage());
    List<Parameter> fewer = parameters(DType.FLOAT64).subList(0, 2);
    CheckpointException count =
        assertThrows(
            CheckpointException.class,
            () -> new Adam(fewer, 0.01).restoreState(adam.reader(backend)));
    assertTrue(count.getMessage().contains("3 parameters, this one 2"), count.getMessage());
  }
}
