package org.cockpit4j.backend;

import static org.cockpit4j.backend.ContractValues.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend contract, part: Creating tensors, transfers and casts. See {@link
 * BackendContractTest}.
 */
public interface CreationContract extends BackendContract {

  @ParameterizedTest
  @EnumSource(DType.class)
  default void creationAndTransferRoundTrip(DType dtype) {
    assertTrue(backend().supports(dtype));
    double[] data = values(12, 1, dtype);
    Tensor t = tensor(data, dtype, 3, 4);
    assertEquals(Shape.of(3, 4), t.shape());
    assertArrayEquals(data, t.toDoubleArray(), 0.0);
    float[] floats = t.toFloatArray();
    for (int i = 0; i < data.length; i++) {
      assertEquals((float) data[i], floats[i], 0.0f);
    }
    assertArrayEquals(data, backend().copy(t).toDoubleArray(), 0.0);
    Tensor full = backend().full(Shape.of(2, 2), dtype, 1.25);
    assertArrayEquals(new double[] {1.25, 1.25, 1.25, 1.25}, full.toDoubleArray(), 0.0);
    Tensor scalar = backend().full(Shape.scalar(), dtype, 3.0);
    assertEquals(3.0, scalar.item(), 0.0);
  }

  @Test
  default void fromFloatArrayAndCast() {
    float[] data = {1.5f, -2.25f, 0.1f};
    Tensor t = backend().fromArray(data, Shape.of(3));
    assertEquals(DType.FLOAT32, t.dtype());
    assertArrayEquals(data, t.toFloatArray(), 0f);
    Tensor wide = backend().cast(t, DType.FLOAT64);
    assertEquals(DType.FLOAT64, wide.dtype());
    assertArrayEquals(new double[] {1.5, -2.25, (double) 0.1f}, wide.toDoubleArray(), 0.0);
    Tensor narrow =
        backend()
            .cast(
                backend().fromArray(new double[] {0.1}, Shape.of(1), DType.FLOAT64), DType.FLOAT32);
    assertEquals(0.1f, narrow.toFloatArray()[0], 0f);
    assertThrows(
        IllegalArgumentException.class,
        () -> backend().fromArray(new double[5], Shape.of(2, 3), DType.FLOAT64));
  }
}
