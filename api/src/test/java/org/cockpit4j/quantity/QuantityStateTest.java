package org.cockpit4j.quantity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.checkpoint.StateReader;
import org.cockpit4j.checkpoint.StateSnapshot;
import org.cockpit4j.data.HostArrayBackend;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The state helpers of the quantity SPI: {@link ParameterSnapshot} and {@link ParameterDirection}
 * come back with the same dtype, shape and bits; a quantity is stateless by default.
 */
class QuantityStateTest {
  private final HostArrayBackend backend = new HostArrayBackend();

  @Test
  void parameterSnapshotsRoundTrip() {
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(
        new Parameter(
            "0.weight",
            "weight",
            backend.fromArray(new double[] {0.1, -0.2, 0.3, 1e-7}, Shape.of(2, 2), DType.FLOAT32)));
    parameters.add(
        new Parameter(
            "0.bias",
            "bias",
            backend.fromArray(new double[] {1.0 / 3, -0.0}, Shape.of(2), DType.FLOAT64)));
    ParameterSnapshot snapshot = ParameterSnapshot.of(parameters);
    StateReader state = StateSnapshot.of(snapshot::saveState).reader(backend);
    ParameterSnapshot restored = ParameterSnapshot.restore(state);
    assertEquals(2, restored.size());
    for (int i = 0; i < 2; i++) {
      assertEquals(snapshot.value(i).dtype(), restored.value(i).dtype());
      assertEquals(snapshot.value(i).shape(), restored.value(i).shape());
      assertArrayEquals(snapshot.value(i).toDoubleArray(), restored.value(i).toDoubleArray());
    }
    assertEquals(
        Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(restored.value(1).toDoubleArray()[1]));
    restored.close();
    snapshot.close();
  }

  @Test
  void parameterDirectionsRoundTripInBothForms() {
    Tensor dense = backend.fromArray(new double[] {1, 2, 3}, Shape.of(3), DType.FLOAT64);
    Tensor left = backend.fromArray(new double[] {1, 2, 3, 4}, Shape.of(2, 2), DType.FLOAT32);
    Tensor right =
        backend.fromArray(new double[] {5, 6, 7, 8, 9, 10}, Shape.of(2, 3), DType.FLOAT32);
    List<ParameterDirection> directions =
        new ArrayList<>(
            List.of(
                ParameterDirection.dense(dense),
                new ParameterDirection.OuterProductSum(left, right, -0.1)));
    directions.add(null);
    StateReader state =
        StateSnapshot.of(
                writer -> {
                  for (ParameterDirection direction : directions) {
                    ParameterDirection.save(writer.addElement("directions"), direction);
                  }
                })
            .reader(backend);
    List<StateReader> saved = state.list("directions");
    ParameterDirection.Dense restoredDense =
        (ParameterDirection.Dense) ParameterDirection.restore(saved.get(0));
    assertArrayEquals(dense.toDoubleArray(), restoredDense.values().toDoubleArray());
    ParameterDirection.OuterProductSum factors =
        (ParameterDirection.OuterProductSum) ParameterDirection.restore(saved.get(1));
    assertEquals(-0.1, factors.scale());
    assertEquals(DType.FLOAT32, factors.left().dtype());
    assertArrayEquals(right.toDoubleArray(), factors.right().toDoubleArray());
    assertEquals(Shape.of(2, 3), factors.right().shape());
    assertNull(ParameterDirection.restore(saved.get(2)));
  }

  @Test
  void aQuantityIsStatelessByDefault() {
    Quantity quantity =
        new ByproductQuantity(Schedules.linear(1)) {
          @Override
          protected Object compute(TrackedStep step) {
            return 1.0;
          }
        };
    StateSnapshot snapshot = StateSnapshot.of(writer -> writer.putState("q", quantity));
    assertTrue(snapshot.reader(backend).child("q").keys().isEmpty());
    snapshot.reader(backend).restoreState("q", quantity);
  }
}
