package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * The backend contract, part: Tensor scopes and storage lifetime. See {@link BackendContractTest}.
 */
public interface LifetimeContract extends BackendContract {

  @Test
  default void scopesFreeResultsAndKeptTensorsSurvive() {
    Tensor kept;
    Tensor dropped;
    try (TensorScope inner = TensorScope.open()) {
      Tensor a = backend().full(Shape.of(3), DType.FLOAT64, 2);
      dropped = backend().unary(UnaryOp.SQUARE, a, 0);
      kept = inner.keep(backend().unary(UnaryOp.EXP, a, 0));
    }
    assertTrue(dropped.isClosed());
    assertTrue(!kept.isClosed());
    assertEquals(Math.exp(2), kept.toDoubleArray()[0], 1e-15);
  }
}
