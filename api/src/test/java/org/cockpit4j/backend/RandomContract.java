package org.cockpit4j.backend;

import static org.cockpit4j.backend.ContractValues.round;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend contract, part: Random streams following CounterRandom. See {@link
 * BackendContractTest}.
 */
public interface RandomContract extends BackendContract {

  @ParameterizedTest
  @EnumSource(DType.class)
  default void randomStreamsFollowCounterRandom(DType dtype) {
    long seed = 1234;
    long offset = 77;
    Shape shape = Shape.of(3, 50);
    double[] uniform = backend().randomUniform(shape, dtype, seed, offset).toDoubleArray();
    double[] normal = backend().randomNormal(shape, dtype, seed, offset).toDoubleArray();
    for (int i = 0; i < uniform.length; i++) {
      assertEquals(round(CounterRandom.uniform(seed, offset + i), dtype), uniform[i], 0.0);
      assertEquals(round(CounterRandom.normal(seed, offset + i), dtype), normal[i], 0.0);
    }
    assertEquals(dtype, backend().randomUniform(shape, dtype, seed, offset).dtype());
    int big = 100_000;
    double[] largeUniform = backend().randomUniform(Shape.of(big), dtype, seed, 0).toDoubleArray();
    for (int i = 0; i < big; i += 997) {
      assertEquals(round(CounterRandom.uniform(seed, i), dtype), largeUniform[i], 0.0);
    }
  }
}
