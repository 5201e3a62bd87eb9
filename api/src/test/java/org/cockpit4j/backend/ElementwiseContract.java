package org.cockpit4j.backend;

import static org.cockpit4j.backend.ContractValues.assertClose;
import static org.cockpit4j.backend.ContractValues.ravel;
import static org.cockpit4j.backend.ContractValues.round;
import static org.cockpit4j.backend.ContractValues.size;
import static org.cockpit4j.backend.ContractValues.unravel;
import static org.cockpit4j.backend.ContractValues.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend contract, part: Unary and binary elementwise ops with NumPy broadcasting. See {@link
 * BackendContractTest}.
 */
public interface ElementwiseContract extends BackendContract {

  private static double unaryTwin(UnaryOp op, double v, double p) {
    switch (op) {
      case NEGATE:
        return -v;
      case ABS:
        return Math.abs(v);
      case SQUARE:
        return v * v;
      case SQRT:
        return Math.sqrt(v);
      case EXP:
        return Math.exp(v);
      case LOG:
        return Math.log(v);
      case RECIPROCAL:
        return 1 / v;
      case SIGN:
        return Math.signum(v);
      case RELU:
        return Math.max(v, 0);
      case STEP:
        return v > 0 ? 1 : 0;
      case SIGMOID:
        return 1 / (1 + Math.exp(-v));
      case TANH:
        return Math.tanh(v);
      case LEAKY_RELU:
        return v > 0 ? v : p * v;
      case LEAKY_RELU_DERIVATIVE:
        return v > 0 ? 1 : p;
      case ADD_SCALAR:
        return v + p;
      case MULTIPLY_SCALAR:
        return v * p;
      case POW:
        return Math.pow(v, p);
      case MAXIMUM_SCALAR:
        return Math.max(v, p);
      case MINIMUM_SCALAR:
        return Math.min(v, p);
      case GREATER_SCALAR:
        return v > p ? 1 : 0;
      case EQUAL_SCALAR:
        return v == p ? 1 : 0;
      default:
        throw new AssertionError(op);
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void unaryOpsMatchTheirDefinitions(DType dtype) {
    double[] data = values(40, 2, dtype);
    data[0] = 0.0;
    data[1] = 0.5;
    double[] positive = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      positive[i] = round(Math.abs(data[i]) + 0.25, dtype);
    }
    for (UnaryOp op : UnaryOp.values()) {
      boolean needsPositive =
          op == UnaryOp.SQRT || op == UnaryOp.LOG || op == UnaryOp.RECIPROCAL || op == UnaryOp.POW;
      double[] input = needsPositive ? positive : data;
      double p = op == UnaryOp.POW ? 1.5 : op == UnaryOp.EQUAL_SCALAR ? 0.5 : 0.125;
      double[] expected = new double[input.length];
      for (int i = 0; i < input.length; i++) {
        expected[i] = unaryTwin(op, input[i], p);
      }
      Tensor result = backend().unary(op, tensor(input, dtype, 5, 8), p);
      assertEquals(Shape.of(5, 8), result.shape(), op.name());
      assertClose(expected, result, dtype, op.name());
    }
  }

  private static double binaryTwin(BinaryOp op, double x, double y) {
    switch (op) {
      case ADD:
        return x + y;
      case SUBTRACT:
        return x - y;
      case MULTIPLY:
        return x * y;
      case DIVIDE:
        return x / y;
      case MAXIMUM:
        return Math.max(x, y);
      case MINIMUM:
        return Math.min(x, y);
      case GREATER:
        return x > y ? 1 : 0;
      case EQUAL:
        return x == y ? 1 : 0;
      default:
        throw new AssertionError(op);
    }
  }

  /** Broadcast reference: right-aligned shapes, extent-1 axes repeat. */
  private static double[] broadcastTwin(
      BinaryOp op, double[] a, int[] aDims, double[] b, int[] bDims, int[] outDims) {
    double[] out = new double[size(outDims)];
    int rank = outDims.length;
    for (int flat = 0; flat < out.length; flat++) {
      int[] index = unravel(flat, outDims);
      out[flat] = binaryTwin(op, a[pick(index, aDims, rank)], b[pick(index, bDims, rank)]);
    }
    return out;
  }

  private static int pick(int[] outIndex, int[] dims, int rank) {
    int[] index = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      index[i] = dims[i] == 1 ? 0 : outIndex[rank - dims.length + i];
    }
    return ravel(index, dims);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void binaryOpsBroadcastLikeNumPy(DType dtype) {
    int[][][] cases = {
      {{2, 3, 4}, {2, 3, 4}, {2, 3, 4}},
      {{2, 3, 4}, {4}, {2, 3, 4}},
      {{4}, {2, 3, 4}, {2, 3, 4}},
      {{2, 1, 4}, {3, 1}, {2, 3, 4}},
      {{}, {2, 3}, {2, 3}},
      {{2, 3}, {}, {2, 3}},
      {{3, 1}, {1, 4}, {3, 4}},
      {{2, 3, 1, 1}, {3, 5, 1}, {2, 3, 5, 1}},
      {{2, 3, 5, 6}, {3, 1, 1}, {2, 3, 5, 6}},
      {{1}, {1}, {1}},
      {{0, 3}, {3}, {0, 3}}
    };
    int seed = 10;
    for (int[][] c : cases) {
      double[] a = values(size(c[0]), seed++, dtype);
      double[] b = values(size(c[1]), seed++, dtype);
      if (b.length > 0 && a.length > 0) {
        b[0] = a[0]; // exercise EQUAL with a true case
      }
      for (BinaryOp op : BinaryOp.values()) {
        Tensor result = backend().binary(op, tensor(a, dtype, c[0]), tensor(b, dtype, c[1]));
        String what = op + " " + Arrays.toString(c[0]) + " with " + Arrays.toString(c[1]);
        assertEquals(Shape.of(c[2]), result.shape(), what);
        assertClose(broadcastTwin(op, a, c[0], b, c[1], c[2]), result, dtype, what);
      }
    }
  }

  @Test
  default void binaryOpsRejectIncompatibleShapesAndDtypes() {
    Tensor a = backend().full(Shape.of(2, 3), DType.FLOAT64, 1);
    Tensor b = backend().full(Shape.of(4), DType.FLOAT64, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> backend().binary(BinaryOp.ADD, a, b));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
    Tensor f = backend().full(Shape.of(2, 3), DType.FLOAT32, 1);
    assertThrows(IllegalArgumentException.class, () -> backend().binary(BinaryOp.ADD, a, f));
  }

  @Test
  default void largeElementwiseOpsAgreeWithSmallOnes() {
    // Big enough to be split across threads.
    int n = 200_003;
    double[] a = values(n, 3, DType.FLOAT32);
    double[] b = values(n, 4, DType.FLOAT32);
    Tensor ta = tensor(a, DType.FLOAT32, n);
    Tensor tb = tensor(b, DType.FLOAT32, n);
    double[] sum = backend().binary(BinaryOp.MULTIPLY, ta, tb).toDoubleArray();
    double[] relu = backend().unary(UnaryOp.RELU, ta, 0).toDoubleArray();
    for (int i = 0; i < n; i++) {
      assertEquals((float) (a[i] * b[i]), sum[i], 0.0);
      assertEquals(Math.max(a[i], 0), relu[i], 0.0);
    }
  }
}
