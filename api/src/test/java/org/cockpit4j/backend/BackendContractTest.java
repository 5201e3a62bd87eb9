package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The executable form of the {@link Backend} contract: every primitive op against a brute-force
 * float64 twin, for both dtypes, plus the shape errors. A backend's test module subclasses it and
 * returns its backend from {@link #backend()}.
 *
 * <p>Float32 results are compared with references computed in double from the float-rounded inputs,
 * with tolerance {@code 1e-5} relative to the magnitude of the terms involved; float64 results with
 * {@code 1e-12}.
 */
public abstract class BackendContractTest {

  /** The backend under test; called once per test. */
  protected abstract Backend backend();

  private Backend backend;
  private TensorScope scope;

  @BeforeEach
  void openScope() {
    backend = backend();
    scope = TensorScope.open();
  }

  @AfterEach
  void closeScope() {
    scope.close();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static double tolerance(DType dtype) {
    return dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
  }

  /** Deterministic values in [-1, 1), rounded to {@code dtype}. */
  private static double[] values(int size, long seed, DType dtype) {
    Random random = new Random(seed);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = round(random.nextDouble() * 2 - 1, dtype);
    }
    return out;
  }

  private static double round(double v, DType dtype) {
    return dtype == DType.FLOAT32 ? (float) v : v;
  }

  private static int size(int... dims) {
    int size = 1;
    for (int d : dims) {
      size *= d;
    }
    return size;
  }

  private Tensor tensor(double[] data, DType dtype, int... dims) {
    return backend.fromArray(data, Shape.of(dims), dtype);
  }

  /** {@code |actual - expected| <= tol * (1 + scale)} elementwise, with {@code scale} >= 0. */
  private static void assertClose(
      double[] expected, double[] scale, Tensor actual, DType dtype, String what) {
    assertEquals(dtype, actual.dtype(), what + ": dtype");
    double[] got = actual.toDoubleArray();
    assertEquals(expected.length, got.length, what + ": number of elements");
    double tol = tolerance(dtype);
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double g = got[i];
      if (Double.isNaN(e) || Double.isInfinite(e)) {
        assertEquals(e, g, 0.0, what + ": element " + i);
        continue;
      }
      double bound = tol * (1 + (scale == null ? Math.abs(e) : scale[i]));
      if (!(Math.abs(g - e) <= bound)) {
        fail(
            what
                + ": element "
                + i
                + " expected "
                + e
                + " but was "
                + g
                + " (bound "
                + bound
                + ")");
      }
    }
  }

  private static void assertClose(double[] expected, Tensor actual, DType dtype, String what) {
    assertClose(expected, null, actual, dtype, what);
  }

  private static int[] unravel(int flat, int[] dims) {
    int[] index = new int[dims.length];
    for (int i = dims.length - 1; i >= 0; i--) {
      index[i] = flat % dims[i];
      flat /= dims[i];
    }
    return index;
  }

  private static int ravel(int[] index, int[] dims) {
    int flat = 0;
    for (int i = 0; i < dims.length; i++) {
      flat = flat * dims[i] + index[i];
    }
    return flat;
  }

  // ---- creation and transfer --------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(DType.class)
  void creationAndTransferRoundTrip(DType dtype) {
    assertTrue(backend.supports(dtype));
    double[] data = values(12, 1, dtype);
    Tensor t = tensor(data, dtype, 3, 4);
    assertEquals(Shape.of(3, 4), t.shape());
    assertArrayEquals(data, t.toDoubleArray(), 0.0);
    float[] floats = t.toFloatArray();
    for (int i = 0; i < data.length; i++) {
      assertEquals((float) data[i], floats[i], 0.0f);
    }
    assertArrayEquals(data, backend.copy(t).toDoubleArray(), 0.0);
    Tensor full = backend.full(Shape.of(2, 2), dtype, 1.25);
    assertArrayEquals(new double[] {1.25, 1.25, 1.25, 1.25}, full.toDoubleArray(), 0.0);
    Tensor scalar = backend.full(Shape.scalar(), dtype, 3.0);
    assertEquals(3.0, scalar.item(), 0.0);
  }

  @Test
  void fromFloatArrayAndCast() {
    float[] data = {1.5f, -2.25f, 0.1f};
    Tensor t = backend.fromArray(data, Shape.of(3));
    assertEquals(DType.FLOAT32, t.dtype());
    assertArrayEquals(data, t.toFloatArray(), 0f);
    Tensor wide = backend.cast(t, DType.FLOAT64);
    assertEquals(DType.FLOAT64, wide.dtype());
    assertArrayEquals(new double[] {1.5, -2.25, (double) 0.1f}, wide.toDoubleArray(), 0.0);
    Tensor narrow =
        backend.cast(
            backend.fromArray(new double[] {0.1}, Shape.of(1), DType.FLOAT64), DType.FLOAT32);
    assertEquals(0.1f, narrow.toFloatArray()[0], 0f);
    assertThrows(
        IllegalArgumentException.class,
        () -> backend.fromArray(new double[5], Shape.of(2, 3), DType.FLOAT64));
  }

  // ---- elementwise ------------------------------------------------------------------------------

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
  void unaryOpsMatchTheirDefinitions(DType dtype) {
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
      Tensor result = backend.unary(op, tensor(input, dtype, 5, 8), p);
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
  void binaryOpsBroadcastLikeNumPy(DType dtype) {
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
        Tensor result = backend.binary(op, tensor(a, dtype, c[0]), tensor(b, dtype, c[1]));
        String what = op + " " + Arrays.toString(c[0]) + " with " + Arrays.toString(c[1]);
        assertEquals(Shape.of(c[2]), result.shape(), what);
        assertClose(broadcastTwin(op, a, c[0], b, c[1], c[2]), result, dtype, what);
      }
    }
  }

  @Test
  void binaryOpsRejectIncompatibleShapesAndDtypes() {
    Tensor a = backend.full(Shape.of(2, 3), DType.FLOAT64, 1);
    Tensor b = backend.full(Shape.of(4), DType.FLOAT64, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> backend.binary(BinaryOp.ADD, a, b));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
    Tensor f = backend.full(Shape.of(2, 3), DType.FLOAT32, 1);
    assertThrows(IllegalArgumentException.class, () -> backend.binary(BinaryOp.ADD, a, f));
  }

  @Test
  void largeElementwiseOpsAgreeWithSmallOnes() {
    // Big enough to be split across threads.
    int n = 200_003;
    double[] a = values(n, 3, DType.FLOAT32);
    double[] b = values(n, 4, DType.FLOAT32);
    Tensor ta = tensor(a, DType.FLOAT32, n);
    Tensor tb = tensor(b, DType.FLOAT32, n);
    double[] sum = backend.binary(BinaryOp.MULTIPLY, ta, tb).toDoubleArray();
    double[] relu = backend.unary(UnaryOp.RELU, ta, 0).toDoubleArray();
    for (int i = 0; i < n; i++) {
      assertEquals((float) (a[i] * b[i]), sum[i], 0.0);
      assertEquals(Math.max(a[i], 0), relu[i], 0.0);
    }
  }

  // ---- reductions -------------------------------------------------------------------------------

  private static double[] reduceTwin(
      ReduceOp op, double[] x, int[] dims, boolean[] reduced, int[] keptDims) {
    double[] out = new double[size(keptDims)];
    double initial =
        op == ReduceOp.MAX
            ? Double.NEGATIVE_INFINITY
            : op == ReduceOp.MIN ? Double.POSITIVE_INFINITY : 0.0;
    Arrays.fill(out, initial);
    for (int flat = 0; flat < x.length; flat++) {
      int[] index = unravel(flat, dims);
      for (int i = 0; i < dims.length; i++) {
        if (reduced[i]) {
          index[i] = 0;
        }
      }
      int target = ravel(index, keptDims);
      double v = x[flat];
      switch (op) {
        case SUM:
          out[target] += v;
          break;
        case SUM_OF_SQUARES:
          out[target] += v * v;
          break;
        case MAX:
          out[target] = Math.max(out[target], v);
          break;
        case MIN:
          out[target] = Math.min(out[target], v);
          break;
        default:
          throw new AssertionError(op);
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void reductionsOverArbitraryAxes(DType dtype) {
    int[] dims = {2, 3, 4, 5};
    double[] x = values(size(dims), 5, dtype);
    Tensor t = tensor(x, dtype, dims);
    int[][] axisSets = {
      {},
      {0},
      {1},
      {3},
      {-1},
      {0, 1},
      {1, 2},
      {0, 2},
      {1, 3},
      {0, 3},
      {2, 3},
      {0, 1, 2, 3},
      {3, 0, 2}
    };
    for (int[] axes : axisSets) {
      boolean[] reduced = new boolean[dims.length];
      for (int axis : axes) {
        reduced[axis < 0 ? axis + dims.length : axis] = true;
      }
      int[] keptDims = dims.clone();
      List<Integer> dropped = new ArrayList<>();
      for (int i = 0; i < dims.length; i++) {
        if (reduced[i]) {
          keptDims[i] = 1;
        } else {
          dropped.add(dims[i]);
        }
      }
      int[] droppedDims = dropped.stream().mapToInt(Integer::intValue).toArray();
      double[] absolute = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        absolute[i] = Math.abs(x[i]);
      }
      double[] scale = reduceTwin(ReduceOp.SUM, absolute, dims, reduced, keptDims);
      for (ReduceOp op : ReduceOp.values()) {
        double[] expected = reduceTwin(op, x, dims, reduced, keptDims);
        String what = op + " over " + Arrays.toString(axes);
        Tensor kept = backend.reduce(op, t, axes, true);
        assertEquals(Shape.of(keptDims), kept.shape(), what);
        assertClose(expected, scale, kept, dtype, what + " keepDims");
        Tensor dropped1 = backend.reduce(op, t, axes, false);
        assertEquals(Shape.of(droppedDims), dropped1.shape(), what);
        assertClose(expected, scale, dropped1, dtype, what);
      }
    }
  }

  @Test
  void reductionsRejectBadAxes() {
    Tensor t = backend.full(Shape.of(2, 3), DType.FLOAT64, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> backend.reduce(ReduceOp.SUM, t, new int[] {0, 0}, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> backend.reduce(ReduceOp.SUM, t, new int[] {2}, false));
  }

  @Test
  void largeSumIsAccurateAndDeterministic() {
    int n = 300_007;
    double[] x = values(n, 6, DType.FLOAT32);
    Tensor t = tensor(x, DType.FLOAT32, n);
    double expected = 0;
    double scale = 0;
    for (double v : x) {
      expected += v;
      scale += Math.abs(v);
    }
    double first = backend.reduce(ReduceOp.SUM, t, new int[] {0}, false).item();
    assertEquals(expected, first, 1e-6 * scale);
    for (int i = 0; i < 3; i++) {
      assertEquals(first, backend.reduce(ReduceOp.SUM, t, new int[] {0}, false).item(), 0.0);
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void largeReductionsAlongEachAxis(DType dtype) {
    // Shapes big enough for the parallel paths: wide columns, long rows, many rows.
    int[][] shapes = {{3, 5000}, {2, 70000}, {700, 40}};
    long seed = 80;
    for (int[] dims : shapes) {
      double[] x = values(size(dims), seed++, dtype);
      Tensor t = tensor(x, dtype, dims);
      for (int axis = 0; axis < 2; axis++) {
        boolean[] reduced = {axis == 0, axis == 1};
        int[] kept = {axis == 0 ? 1 : dims[0], axis == 1 ? 1 : dims[1]};
        double[] absolute = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          absolute[i] = Math.abs(x[i]);
        }
        double[] scale = reduceTwin(ReduceOp.SUM, absolute, dims, reduced, kept);
        for (ReduceOp op : ReduceOp.values()) {
          double[] expected = reduceTwin(op, x, dims, reduced, kept);
          double[] squareScale = op == ReduceOp.SUM_OF_SQUARES ? expected : scale;
          assertClose(
              expected,
              squareScale,
              backend.reduce(op, t, new int[] {axis}, true),
              dtype,
              op + " over axis " + axis + " of " + Arrays.toString(dims));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void argMaxTakesTheFirstLargest(DType dtype) {
    int[] dims = {3, 4, 5};
    double[] x = values(size(dims), 7, dtype);
    x[0] = 2;
    x[5] = 2; // a tie along axis 1 at [0, 1, 0] with [0, 0, 0]
    x[1] = 2; // a tie along axis 2 with [0, 0, 0]
    Tensor t = tensor(x, dtype, dims);
    for (int axis = 0; axis < 3; axis++) {
      int[] outDims = new int[2];
      for (int i = 0, j = 0; i < 3; i++) {
        if (i != axis) {
          outDims[j++] = dims[i];
        }
      }
      double[] expected = new double[size(outDims)];
      for (int flat = 0; flat < expected.length; flat++) {
        int[] o = unravel(flat, outDims);
        int best = -1;
        double bestValue = 0;
        for (int r = 0; r < dims[axis]; r++) {
          int[] index = new int[3];
          for (int i = 0, j = 0; i < 3; i++) {
            index[i] = i == axis ? r : o[j++];
          }
          double v = x[ravel(index, dims)];
          if (best < 0 || v > bestValue) {
            best = r;
            bestValue = v;
          }
        }
        expected[flat] = best;
      }
      Tensor result = backend.argMax(t, axis);
      assertEquals(Shape.of(outDims), result.shape());
      assertClose(expected, result, dtype, "argMax axis " + axis);
      assertClose(expected, backend.argMax(t, axis - 3), dtype, "argMax negative axis");
    }
  }

  // ---- data movement ----------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(DType.class)
  void permuteReordersAxes(DType dtype) {
    int[] dims = {2, 3, 4, 5};
    double[] x = values(size(dims), 8, dtype);
    Tensor t = tensor(x, dtype, dims);
    int[][] perms = {
      {0, 1, 2, 3}, {3, 2, 1, 0}, {0, 2, 1, 3}, {1, 0, 3, 2}, {0, 1, 3, 2}, {2, 3, 0, 1}
    };
    for (int[] perm : perms) {
      int[] outDims = new int[4];
      for (int i = 0; i < 4; i++) {
        outDims[i] = dims[perm[i]];
      }
      double[] expected = new double[x.length];
      for (int flat = 0; flat < x.length; flat++) {
        int[] o = unravel(flat, outDims);
        int[] index = new int[4];
        for (int i = 0; i < 4; i++) {
          index[perm[i]] = o[i];
        }
        expected[flat] = x[ravel(index, dims)];
      }
      Tensor result = backend.permute(t, perm);
      assertEquals(Shape.of(outDims), result.shape());
      assertArrayEquals(expected, result.toDoubleArray(), 0.0, Arrays.toString(perm));
    }
    assertThrows(IllegalArgumentException.class, () -> backend.permute(t, 0, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> backend.permute(t, 0, 1, 1, 2));
  }

  @Test
  void largeTransposeIsExact() {
    int rows = 300;
    int cols = 257;
    double[] x = values(rows * cols, 9, DType.FLOAT32);
    double[] got = backend.permute(tensor(x, DType.FLOAT32, rows, cols), 1, 0).toDoubleArray();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        assertEquals(x[i * cols + j], got[j * rows + i], 0.0);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void sliceAndConcat(DType dtype) {
    int[] dims = {3, 4, 5};
    double[] x = values(size(dims), 10, dtype);
    Tensor t = tensor(x, dtype, dims);
    for (int axis = 0; axis < 3; axis++) {
      int start = 1;
      int end = dims[axis] - 1;
      int[] outDims = dims.clone();
      outDims[axis] = end - start;
      double[] expected = new double[size(outDims)];
      for (int flat = 0; flat < expected.length; flat++) {
        int[] index = unravel(flat, outDims);
        index[axis] += start;
        expected[flat] = x[ravel(index, dims)];
      }
      Tensor sliced = backend.slice(t, axis, start, end);
      assertEquals(Shape.of(outDims), sliced.shape());
      assertArrayEquals(expected, sliced.toDoubleArray(), 0.0);
      Tensor head = backend.slice(t, axis, 0, start);
      Tensor tail = backend.slice(t, axis, end, dims[axis]);
      Tensor whole = backend.concat(List.of(head, sliced, tail), axis);
      assertEquals(t.shape(), whole.shape());
      assertArrayEquals(x, whole.toDoubleArray(), 0.0, "concat along " + axis);
    }
    assertEquals(Shape.of(3, 0, 5), backend.slice(t, 1, 2, 2).shape());
    assertThrows(IllegalArgumentException.class, () -> backend.slice(t, 1, 2, 5));
    assertThrows(IllegalArgumentException.class, () -> backend.slice(t, 1, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> backend.slice(t, 3, 0, 1));
    Tensor other = tensor(values(6, 11, dtype), dtype, 3, 2);
    assertThrows(IllegalArgumentException.class, () -> backend.concat(List.of(t, other), 1));
    Tensor wrongExtent = tensor(values(8, 11, dtype), dtype, 2, 4, 1);
    assertThrows(IllegalArgumentException.class, () -> backend.concat(List.of(t, wrongExtent), 2));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void gatherAndScatterAddAreAdjoint(DType dtype) {
    int[] dims = {3, 5, 4};
    int[] indexDims = {3, 7, 4};
    double[] x = values(size(dims), 12, dtype);
    Random random = new Random(13);
    double[] index = new double[size(indexDims)];
    for (int i = 0; i < index.length; i++) {
      index[i] = random.nextInt(5);
    }
    double[] source = values(index.length, 14, dtype);
    Tensor tx = tensor(x, dtype, dims);
    Tensor ti = tensor(index, dtype, indexDims);
    Tensor ts = tensor(source, dtype, indexDims);
    double[] gathered = new double[index.length];
    double[] scattered = new double[x.length];
    double[] scale = new double[x.length];
    for (int flat = 0; flat < index.length; flat++) {
      int[] position = unravel(flat, indexDims);
      position[1] = (int) index[flat];
      int target = ravel(position, dims);
      gathered[flat] = x[target];
      scattered[target] += source[flat];
      scale[target] += Math.abs(source[flat]);
    }
    Tensor g = backend.gather(tx, 1, ti);
    assertEquals(Shape.of(indexDims), g.shape());
    assertArrayEquals(gathered, g.toDoubleArray(), 0.0);
    Tensor s = backend.scatterAdd(ti, ts, 1, Shape.of(dims));
    assertEquals(Shape.of(dims), s.shape());
    assertClose(scattered, scale, s, dtype, "scatterAdd");
    // Along the last axis (the softmax cross-entropy pattern).
    Tensor labels = tensor(new double[] {2, 0, 3}, dtype, 3, 1);
    Tensor logits = tensor(values(12, 15, dtype), dtype, 3, 4);
    double[] picked = backend.gather(logits, -1, labels).toDoubleArray();
    double[] all = logits.toDoubleArray();
    assertArrayEquals(new double[] {all[2], all[4], all[11]}, picked, 0.0);
    Tensor ones = backend.full(Shape.of(3, 1), dtype, 1);
    assertArrayEquals(
        new double[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1},
        backend.scatterAdd(labels, ones, 1, Shape.of(3, 4)).toDoubleArray(),
        0.0);
    // Errors: out-of-range index, wrong index shape.
    Tensor bad = tensor(new double[] {0, 5, 1}, dtype, 3, 1);
    assertThrows(IllegalArgumentException.class, () -> backend.gather(logits, 1, bad));
    Tensor wrongShape = tensor(new double[] {0, 1}, dtype, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> backend.gather(logits, 1, wrongShape));
    assertThrows(
        IllegalArgumentException.class, () -> backend.scatterAdd(labels, ts, 1, Shape.of(3, 4)));
  }

  // ---- linear algebra ---------------------------------------------------------------------------

  /** Element (i, j) of op(x) for x stored row-major with extents rows x cols. */
  private static double element(double[] x, int offset, int cols, boolean transpose, int i, int j) {
    return transpose ? x[offset + j * cols + i] : x[offset + i * cols + j];
  }

  private void checkMatmul(
      DType dtype, int batchA, int batchB, int m, int n, int k, boolean ta, boolean tb, long seed) {
    int[] aDims = ta ? new int[] {k, m} : new int[] {m, k};
    int[] bDims = tb ? new int[] {n, k} : new int[] {k, n};
    if (batchA > 0) {
      aDims = new int[] {batchA, aDims[0], aDims[1]};
    }
    if (batchB > 0) {
      bDims = new int[] {batchB, bDims[0], bDims[1]};
    }
    double[] a = values(size(aDims), seed, dtype);
    double[] b = values(size(bDims), seed + 1, dtype);
    int batch = Math.max(batchA, batchB);
    int products = Math.max(1, batch);
    double[] expected = new double[products * m * n];
    double[] scale = new double[expected.length];
    for (int q = 0; q < products; q++) {
      int aOff = batchA > 0 ? q * m * k : 0;
      int bOff = batchB > 0 ? q * k * n : 0;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          double abs = 0;
          for (int p = 0; p < k; p++) {
            double term =
                element(a, aOff, aDims[aDims.length - 1], ta, i, p)
                    * element(b, bOff, bDims[bDims.length - 1], tb, p, j);
            sum += term;
            abs += Math.abs(term);
          }
          expected[(q * m + i) * n + j] = sum;
          scale[(q * m + i) * n + j] = abs;
        }
      }
    }
    String what =
        "matmul "
            + Arrays.toString(aDims)
            + (ta ? "ᵀ" : "")
            + " x "
            + Arrays.toString(bDims)
            + (tb ? "ᵀ" : "");
    Tensor result = backend.matmul(tensor(a, dtype, aDims), tensor(b, dtype, bDims), ta, tb);
    Shape shape = batch > 0 ? Shape.of(batch, m, n) : Shape.of(m, n);
    assertEquals(shape, result.shape(), what);
    assertClose(expected, scale, result, dtype, what);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void matmulAllTransposesAndBatchForms(DType dtype) {
    long seed = 20;
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        checkMatmul(dtype, 0, 0, 5, 7, 3, ta, tb, seed++);
        checkMatmul(dtype, 0, 0, 1, 1, 1, ta, tb, seed++);
        checkMatmul(dtype, 0, 0, 37, 29, 41, ta, tb, seed++);
        checkMatmul(dtype, 4, 4, 6, 5, 7, ta, tb, seed++);
        checkMatmul(dtype, 3, 0, 6, 5, 7, ta, tb, seed++);
        checkMatmul(dtype, 0, 3, 6, 5, 7, ta, tb, seed++);
        checkMatmul(dtype, 9, 0, 13, 21, 17, ta, tb, seed++);
        checkMatmul(dtype, 0, 9, 13, 21, 17, ta, tb, seed++);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void matmulOnBlockedSizes(DType dtype) {
    // Larger than typical register and cache blocks, with ragged edges.
    long seed = 40;
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        checkMatmul(dtype, 0, 0, 133, 147, 301, ta, tb, seed++);
        checkMatmul(dtype, 0, 0, 20, 40, 700, ta, tb, seed++);
        checkMatmul(dtype, 0, 0, 150, 70, 700, ta, tb, seed++);
        checkMatmul(dtype, 3, 0, 9, 80, 30, ta, tb, seed++);
      }
    }
    checkMatmul(dtype, 0, 0, 67, 531, 19, false, false, seed++);
    checkMatmul(dtype, 0, 0, 8, 16, 1, false, false, seed++);
    checkMatmul(dtype, 0, 0, 3, 2, 0, false, false, seed++);
  }

  @Test
  void matmulIsDeterministic() {
    double[] a = values(190 * 170, 50, DType.FLOAT32);
    double[] b = values(170 * 210, 51, DType.FLOAT32);
    Tensor ta = tensor(a, DType.FLOAT32, 190, 170);
    Tensor tb = tensor(b, DType.FLOAT32, 170, 210);
    float[] first = backend.matmul(ta, tb, false, false).toFloatArray();
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(first, backend.matmul(ta, tb, false, false).toFloatArray(), 0f);
    }
  }

  @Test
  void matmulRejectsBadShapes() {
    Tensor a = backend.full(Shape.of(2, 3), DType.FLOAT64, 1);
    Tensor b = backend.full(Shape.of(4, 5), DType.FLOAT64, 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> backend.matmul(a, b, false, false));
    assertTrue(
        e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 5]"), e.getMessage());
    Tensor batchA = backend.full(Shape.of(2, 2, 3), DType.FLOAT64, 1);
    Tensor batchB = backend.full(Shape.of(3, 3, 2), DType.FLOAT64, 1);
    assertThrows(
        IllegalArgumentException.class, () -> backend.matmul(batchA, batchB, false, false));
    Tensor vector = backend.full(Shape.of(3), DType.FLOAT64, 1);
    assertThrows(IllegalArgumentException.class, () -> backend.matmul(a, vector, false, false));
    Tensor f = backend.full(Shape.of(3, 2), DType.FLOAT32, 1);
    assertThrows(IllegalArgumentException.class, () -> backend.matmul(a, f, false, false));
  }

  // ---- convolution and pooling ------------------------------------------------------------------

  private static final ConvGeometry[] GEOMETRIES = {
    ConvGeometry.square(3, 1, 1),
    ConvGeometry.square(2, 2, 0),
    ConvGeometry.square(5, 1, 2),
    new ConvGeometry(3, 2, 2, 1, 1, 0, 1, 2),
    new ConvGeometry(2, 3, 1, 2, 0, 1, 2, 1),
    ConvGeometry.square(1, 1, 0)
  };

  private static double[] im2colTwin(double[] x, int n, int c, int h, int w, ConvGeometry g) {
    int ho = g.outputHeight(h);
    int wo = g.outputWidth(w);
    int kh = g.kernelHeight();
    int kw = g.kernelWidth();
    double[] out = new double[n * c * kh * kw * ho * wo];
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        for (int i = 0; i < kh; i++) {
          for (int j = 0; j < kw; j++) {
            int row = (ch * kh + i) * kw + j;
            for (int oh = 0; oh < ho; oh++) {
              for (int ow = 0; ow < wo; ow++) {
                int hh = oh * g.strideHeight() - g.paddingHeight() + i * g.dilationHeight();
                int ww = ow * g.strideWidth() - g.paddingWidth() + j * g.dilationWidth();
                double v =
                    hh >= 0 && hh < h && ww >= 0 && ww < w
                        ? x[((b * c + ch) * h + hh) * w + ww]
                        : 0;
                out[((b * c * kh * kw) + row) * ho * wo + oh * wo + ow] = v;
              }
            }
          }
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void im2colAndCol2imMatchTheirDefinitions(DType dtype) {
    int n = 2;
    int c = 3;
    int h = 7;
    int w = 6;
    double[] x = values(n * c * h * w, 60, dtype);
    Tensor tx = tensor(x, dtype, n, c, h, w);
    long seed = 61;
    for (ConvGeometry g : GEOMETRIES) {
      int ho = g.outputHeight(h);
      int wo = g.outputWidth(w);
      int window = g.kernelHeight() * g.kernelWidth();
      double[] expected = im2colTwin(x, n, c, h, w, g);
      Tensor cols = backend.im2col(tx, g);
      assertEquals(Shape.of(n, c * window, ho * wo), cols.shape(), g.toString());
      assertArrayEquals(expected, cols.toDoubleArray(), 0.0, g.toString());
      // col2im is the adjoint: scatter each column entry back to its source pixel.
      double[] y = values(expected.length, seed++, dtype);
      double[] folded = new double[x.length];
      double[] scale = new double[x.length];
      double[] ones = new double[x.length];
      for (int i = 0; i < ones.length; i++) {
        ones[i] = i + 1; // identify the source pixel of every column entry
      }
      double[] sources = im2colTwin(ones, n, c, h, w, g);
      for (int i = 0; i < sources.length; i++) {
        if (sources[i] != 0) {
          folded[(int) sources[i] - 1] += y[i];
          scale[(int) sources[i] - 1] += Math.abs(y[i]);
        }
      }
      Tensor image = backend.col2im(tensor(y, dtype, n, c * window, ho * wo), g, h, w);
      assertEquals(Shape.of(n, c, h, w), image.shape());
      assertClose(folded, scale, image, dtype, "col2im " + g);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> backend.im2col(tensor(x, dtype, n * c, h * w), GEOMETRIES[0]));
    Tensor wrong = backend.full(Shape.of(2, 10, 42), dtype, 0);
    assertThrows(IllegalArgumentException.class, () -> backend.col2im(wrong, GEOMETRIES[0], h, w));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void maxPoolIndicesPickTheFirstLargestInsideTheImage(DType dtype) {
    int n = 2;
    int c = 2;
    int h = 6;
    int w = 5;
    double[] x = values(n * c * h * w, 70, dtype);
    for (int i = 0; i < x.length; i += 7) {
      x[i] = -5; // negative values so that zero padding would win if it took part
    }
    x[0] = 0.9;
    x[1] = 0.9; // a tie inside the first window
    ConvGeometry[] geometries = {
      ConvGeometry.square(2, 2, 0),
      ConvGeometry.square(3, 1, 1),
      new ConvGeometry(3, 2, 2, 2, 1, 1, 1, 1),
      new ConvGeometry(2, 2, 1, 1, 0, 0, 2, 2)
    };
    double[] negative = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      negative[i] = -Math.abs(x[i]) - 1;
    }
    for (double[] data : new double[][] {x, negative}) {
      Tensor tx = tensor(data, dtype, n, c, h, w);
      for (ConvGeometry g : geometries) {
        int ho = g.outputHeight(h);
        int wo = g.outputWidth(w);
        double[] expected = new double[n * c * ho * wo];
        for (int plane = 0; plane < n * c; plane++) {
          for (int oh = 0; oh < ho; oh++) {
            for (int ow = 0; ow < wo; ow++) {
              int best = -1;
              double bestValue = 0;
              for (int i = 0; i < g.kernelHeight(); i++) {
                for (int j = 0; j < g.kernelWidth(); j++) {
                  int hh = oh * g.strideHeight() - g.paddingHeight() + i * g.dilationHeight();
                  int ww = ow * g.strideWidth() - g.paddingWidth() + j * g.dilationWidth();
                  if (hh < 0 || hh >= h || ww < 0 || ww >= w) {
                    continue;
                  }
                  double v = data[plane * h * w + hh * w + ww];
                  if (best < 0 || v > bestValue) {
                    best = hh * w + ww;
                    bestValue = v;
                  }
                }
              }
              expected[(plane * ho + oh) * wo + ow] = best;
            }
          }
        }
        Tensor result = backend.maxPoolIndices(tx, g);
        assertEquals(Shape.of(n, c, ho, wo), result.shape());
        assertArrayEquals(expected, result.toDoubleArray(), 0.0, g.toString());
      }
    }
  }

  // ---- random -----------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(DType.class)
  void randomStreamsFollowCounterRandom(DType dtype) {
    long seed = 1234;
    long offset = 77;
    Shape shape = Shape.of(3, 50);
    double[] uniform = backend.randomUniform(shape, dtype, seed, offset).toDoubleArray();
    double[] normal = backend.randomNormal(shape, dtype, seed, offset).toDoubleArray();
    for (int i = 0; i < uniform.length; i++) {
      assertEquals(round(CounterRandom.uniform(seed, offset + i), dtype), uniform[i], 0.0);
      assertEquals(round(CounterRandom.normal(seed, offset + i), dtype), normal[i], 0.0);
    }
    assertEquals(dtype, backend.randomUniform(shape, dtype, seed, offset).dtype());
    int big = 100_000;
    double[] largeUniform = backend.randomUniform(Shape.of(big), dtype, seed, 0).toDoubleArray();
    for (int i = 0; i < big; i += 997) {
      assertEquals(round(CounterRandom.uniform(seed, i), dtype), largeUniform[i], 0.0);
    }
  }

  // ---- lifetime ---------------------------------------------------------------------------------

  @Test
  void scopesFreeResultsAndKeptTensorsSurvive() {
    Tensor kept;
    Tensor dropped;
    try (TensorScope inner = TensorScope.open()) {
      Tensor a = backend.full(Shape.of(3), DType.FLOAT64, 2);
      dropped = backend.unary(UnaryOp.SQUARE, a, 0);
      kept = inner.keep(backend.unary(UnaryOp.EXP, a, 0));
    }
    assertTrue(dropped.isClosed());
    assertTrue(!kept.isClosed());
    assertEquals(Math.exp(2), kept.toDoubleArray()[0], 1e-15);
  }
}
