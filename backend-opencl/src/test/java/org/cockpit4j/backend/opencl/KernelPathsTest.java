package org.cockpit4j.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kernel paths the backend contract's small shapes do not reach: broadcasts with a long last axis
 * (the 2-D row kernel), and gather/scatter-add with an index tensor of the other dtype. Float32
 * results of one operation equal the double result rounded to float, so they are compared exactly.
 */
class KernelPathsTest {
  private Backend backend;
  private TensorScope scope;

  @BeforeEach
  void open() {
    backend = OpenClTestBackend.get();
    scope = TensorScope.open();
  }

  @AfterEach
  void close() {
    scope.close();
  }

  private static double[] values(int size, long seed) {
    Random random = new Random(seed);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return out;
  }

  private static int offset(int[] index, int[] dims) {
    int flat = 0;
    int skip = index.length - dims.length;
    for (int i = 0; i < dims.length; i++) {
      flat = flat * dims[i] + (dims[i] == 1 ? 0 : index[skip + i]);
    }
    return flat;
  }

  @Test
  void broadcastsWithALongLastAxisMatchTheirDefinition() {
    int[][][] cases = {
      {{3, 5, 70}, {70}, {3, 5, 70}},
      {{4, 1, 100}, {3, 1}, {4, 3, 100}},
      {{130}, {2, 1, 130}, {2, 1, 130}},
      {{2, 3, 64}, {2, 1, 64}, {2, 3, 64}},
      {{128, 1000}, {1000}, {128, 1000}}
    };
    long seed = 1;
    for (int[][] c : cases) {
      double[] a = values(Shape.of(c[0]).sizeAsInt(), seed++);
      double[] b = values(Shape.of(c[1]).sizeAsInt(), seed++);
      Shape outShape = Shape.of(c[2]);
      for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.DIVIDE, BinaryOp.GREATER}) {
        double[] expected = new double[outShape.sizeAsInt()];
        int[] index = new int[c[2].length];
        for (int flat = 0; flat < expected.length; flat++) {
          for (int i = c[2].length - 1, rest = flat; i >= 0; i--) {
            index[i] = rest % c[2][i];
            rest /= c[2][i];
          }
          double x = a[offset(index, c[0])];
          double y = b[offset(index, c[1])];
          double exact = op == BinaryOp.ADD ? x + y : op == BinaryOp.DIVIDE ? x / y : x > y ? 1 : 0;
          expected[flat] = (float) exact;
        }
        Tensor result =
            backend.binary(
                op,
                backend.fromArray(a, Shape.of(c[0]), DType.FLOAT32),
                backend.fromArray(b, Shape.of(c[1]), DType.FLOAT32));
        assertEquals(outShape, result.shape());
        assertArrayEquals(expected, result.toDoubleArray(), 0.0, op + " " + outShape);
      }
    }
  }

  @Test
  void indicesOfTheOtherDtypeWork() {
    Tensor logits = backend.fromArray(values(12, 7), Shape.of(3, 4), DType.FLOAT32);
    Tensor labels = backend.fromArray(new double[] {2, 0, 3}, Shape.of(3, 1), DType.FLOAT64);
    double[] all = logits.toDoubleArray();
    assertArrayEquals(
        new double[] {all[2], all[4], all[11]}, backend.gather(logits, 1, labels).toDoubleArray());
    Tensor ones = backend.full(Shape.of(3, 1), DType.FLOAT32, 1);
    assertArrayEquals(
        new double[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1},
        backend.scatterAdd(labels, ones, 1, Shape.of(3, 4)).toDoubleArray());
  }
}
