package org.cockpit4j.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cockpit4j.data.HostArrayBackend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@link StateWriter} and {@link StateReader}: every type comes back bit for bit. */
class StateTreeTest {
  private final HostArrayBackend backend = new HostArrayBackend();

  private static final double NAN_WITH_PAYLOAD = Double.longBitsToDouble(0x7ff8000000000123L);
  private static final double[] SPECIAL = {
    0.1,
    -0.0,
    0.0,
    Double.MIN_VALUE,
    -Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    NAN_WITH_PAYLOAD,
    1.0 / 3.0
  };

  @Test
  void scalarsArraysAndTensorsRoundTripExactly() {
    Tensor f32 =
        backend.fromArray(
            new double[] {1.5, -2.25, 1e-30, 3.0f / 7}, Shape.of(2, 2), DType.FLOAT32);
    Tensor f64 = backend.fromArray(SPECIAL, Shape.of(3, 3), DType.FLOAT64);
    StateSnapshot snapshot =
        StateSnapshot.of(
            state -> {
              state.putInt("int", -7).putLong("long", Long.MIN_VALUE).putBoolean("flag", true);
              state.putString("text", "ä \"quoted\"").putString("none", null);
              for (int i = 0; i < SPECIAL.length; i++) {
                state.putDouble("d" + i, SPECIAL[i]);
              }
              state.putDoubles("doubles", SPECIAL).putDoubles("missing", null);
              state.putDoubles("as_float", new double[] {0.5, -0.25, 1e-3f}, DType.FLOAT32);
              state.putLongs("longs", new long[] {Long.MAX_VALUE, -1});
              state.putInts("ints", new int[] {3, 1, 2});
              state.putStrings("strings", List.of("a", "b"));
              state.putTensor("f32", f32).putTensor("f64", f64).putTensor("no_tensor", null);
              state.child("nested").putInt("depth", 1).child("deeper").putInt("depth", 2);
              state.emptyList("empty");
              state.addElement("list").putInt("i", 0);
              state.addElement("list").putInt("i", 1);
            });
    StateReader state = snapshot.reader(backend);
    assertEquals(-7, state.getInt("int"));
    assertEquals(Long.MIN_VALUE, state.getLong("long"));
    assertTrue(state.getBoolean("flag"));
    assertEquals("ä \"quoted\"", state.getString("text"));
    assertNull(state.getString("none"));
    assertFalse(state.has("none"));
    for (int i = 0; i < SPECIAL.length; i++) {
      assertEquals(
          Double.doubleToRawLongBits(SPECIAL[i]),
          Double.doubleToRawLongBits(state.getDouble("d" + i)),
          "double " + i);
    }
    double[] doubles = state.getDoubles("doubles");
    for (int i = 0; i < SPECIAL.length; i++) {
      assertEquals(Double.doubleToRawLongBits(SPECIAL[i]), Double.doubleToRawLongBits(doubles[i]));
    }
    assertNull(state.getDoubles("missing"));
    assertArrayEquals(new double[] {0.5, -0.25, 1e-3f}, state.getDoubles("as_float"));
    assertArrayEquals(new long[] {Long.MAX_VALUE, -1}, state.getLongs("longs"));
    assertArrayEquals(new int[] {3, 1, 2}, state.getInts("ints"));
    assertEquals(List.of("a", "b"), state.getStrings("strings"));
    Tensor restored32 = state.getTensor("f32");
    assertEquals(DType.FLOAT32, restored32.dtype());
    assertEquals(Shape.of(2, 2), restored32.shape());
    assertArrayEquals(f32.toFloatArray(), restored32.toFloatArray());
    Tensor restored64 = state.getTensor("f64");
    assertEquals(Shape.of(3, 3), restored64.shape());
    double[] values = restored64.toDoubleArray();
    for (int i = 0; i < SPECIAL.length; i++) {
      assertEquals(Double.doubleToRawLongBits(SPECIAL[i]), Double.doubleToRawLongBits(values[i]));
    }
    assertNull(state.getTensor("no_tensor"));
    assertEquals(2, state.child("nested").child("deeper").getInt("depth"));
    assertTrue(state.list("empty").isEmpty());
    assertEquals(1, state.list("list").get(1).getInt("i"));
    assertEquals("list.1", state.list("list").get(1).path());
    // a float32 array is half the size of a float64 one
    assertEquals(8 * 9 + 4 * 3 + 8 * 2 + 4 * 4 + 8 * 9, snapshot.arrayBytes());
  }

  @Test
  void aValueThatIsNotAFloatCannotBeStoredAsFloat32() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StateSnapshot.of(
                    state -> state.putDoubles("x", new double[] {0.1}, DType.FLOAT32)));
    assertTrue(error.getMessage().contains("not a float32"), error.getMessage());
  }

  @Test
  void reservedAndEmptyKeysAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> StateSnapshot.of(state -> state.putInt("@x", 1)));
    assertThrows(
        IllegalArgumentException.class, () -> StateSnapshot.of(state -> state.putInt("", 1)));
  }

  @Test
  void missingAndMistypedValuesNameTheirPath() {
    StateReader state =
        StateSnapshot.of(state1 -> state1.child("optimizer").putString("type", "sgd"))
            .reader(backend);
    CheckpointException missing =
        assertThrows(CheckpointException.class, () -> state.child("optimizer").getInt("step"));
    assertTrue(missing.getMessage().contains("optimizer.step"), missing.getMessage());
    assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
    CheckpointException mistyped =
        assertThrows(CheckpointException.class, () -> state.child("optimizer").getInt("type"));
    assertTrue(mistyped.getMessage().contains("should be an int"), mistyped.getMessage());
  }

  /** A part whose layout changed: version 2 reads version 1 states. */
  private static final class Versioned implements Checkpointable {
    final int version;
    int restoredFrom;
    long value;

    Versioned(int version) {
      this.version = version;
    }

    @Override
    public int stateVersion() {
      return version;
    }

    @Override
    public void saveState(StateWriter state) {
      state.putLong("value", 42);
    }

    @Override
    public void restoreState(StateReader state) {
      restoredFrom = state.version();
      value = state.getLong("value");
    }
  }

  @Test
  void statesCarryTheirVersionAndNewerOnesAreRefused() {
    StateSnapshot old = StateSnapshot.of(state -> state.putState("part", new Versioned(1)));
    Versioned reader = new Versioned(2);
    old.reader(backend).restoreState("part", reader);
    assertEquals(1, reader.restoredFrom);
    assertEquals(42, reader.value);

    StateSnapshot newer = StateSnapshot.of(state -> state.putState("part", new Versioned(3)));
    CheckpointException error =
        assertThrows(
            CheckpointException.class, () -> newer.reader(backend).restoreState("part", reader));
    assertTrue(error.getMessage().contains("state version 3"), error.getMessage());
    assertTrue(newer.json().get("part").get("@kind").asText().endsWith("Versioned"));
  }

  @Test
  void aStatelessPartWritesOnlyItsStamp() {
    Checkpointable stateless = new Checkpointable() {};
    StateSnapshot snapshot = StateSnapshot.of(state -> state.putState("part", stateless));
    snapshot.reader(backend).restoreState("part", stateless);
    assertTrue(snapshot.reader(backend).child("part").keys().isEmpty());
  }
}
