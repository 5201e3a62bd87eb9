package org.cockpit4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * gather and scatterAdd reject index values that are not integers in range, naming the first one,
 * in both dtypes and along the last axis (the float32 fast loop) as well as along another one.
 */
class IndexCheckTest {

  @Test
  void invalidIndexValuesAreNamed() {
    try (CpuBackend backend = new CpuBackend(2);
        TensorScope scope = TensorScope.open()) {
      for (DType dtype : DType.values()) {
        Tensor x = backend.full(Shape.of(3, 4), dtype, 1);
        for (double bad : new double[] {2.5, -1, 4, Double.NaN}) {
          Tensor lastAxis = backend.fromArray(new double[] {0, bad, 1}, Shape.of(3, 1), dtype);
          IllegalArgumentException e =
              assertThrows(IllegalArgumentException.class, () -> backend.gather(x, 1, lastAxis));
          assertTrue(e.getMessage().contains("flat position 1"), e.getMessage());
          Tensor source = backend.full(Shape.of(3, 1), dtype, 1);
          e =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> backend.scatterAdd(lastAxis, source, 1, Shape.of(3, 4)));
          assertTrue(e.getMessage().contains("flat position 1"), e.getMessage());
          Tensor firstAxis = backend.fromArray(new double[] {0, 1, bad, 2}, Shape.of(1, 4), dtype);
          e = assertThrows(IllegalArgumentException.class, () -> backend.gather(x, 0, firstAxis));
          assertTrue(e.getMessage().contains("flat position 2"), e.getMessage());
        }
      }
    }
  }
}
