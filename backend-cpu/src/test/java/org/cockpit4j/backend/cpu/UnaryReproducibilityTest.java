package org.cockpit4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.Test;

/**
 * Unary ops give the same bits on their first call (interpreted code) as after the JIT has compiled
 * their loops. The Vector API's transcendental functions did not (a short-vector math library once
 * compiled, {@code Math} per lane before), so two runs of one experiment drifted apart at the step
 * where the compiler happened to finish.
 */
class UnaryReproducibilityTest {

  private static final UnaryOp[] OPS = {
    UnaryOp.EXP, UnaryOp.LOG, UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.POW, UnaryOp.SQRT
  };

  @Test
  void resultsDoNotChangeOnceTheLoopsAreCompiled() {
    try (CpuBackend backend = new CpuBackend(1);
        TensorScope scope = TensorScope.open()) {
      for (DType dtype : DType.values()) {
        Tensor x = backend.randomUniform(Shape.of(4096), dtype, 7, 0).multiply(4.0).add(0.01);
        for (UnaryOp op : OPS) {
          double p = op == UnaryOp.POW ? 0.7 : 0;
          double[] cold = backend.unary(op, x, p).toDoubleArray();
          double[] warm = null;
          for (int call = 0; call < 3000; call++) {
            try (TensorScope inner = TensorScope.open()) {
              warm = backend.unary(op, x, p).toDoubleArray();
            }
          }
          assertArrayEquals(cold, warm, 0.0, op + " " + dtype + ": first call vs compiled");
        }
      }
    }
  }
}
