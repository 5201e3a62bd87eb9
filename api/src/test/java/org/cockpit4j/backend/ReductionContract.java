package org.cockpit4j.backend;

import static org.cockpit4j.backend.ContractValues.assertClose;
import static org.cockpit4j.backend.ContractValues.ravel;
import static org.cockpit4j.backend.ContractValues.size;
import static org.cockpit4j.backend.ContractValues.unravel;
import static org.cockpit4j.backend.ContractValues.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend contract, part: Reductions over arbitrary axes and argmax. See {@link
 * BackendContractTest}.
 */
public interface ReductionContract extends BackendContract {

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
  default void reductionsOverArbitraryAxes(DType dtype) {
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
        Tensor kept = backend().reduce(op, t, axes, true);
        assertEquals(Shape.of(keptDims), kept.shape(), what);
        assertClose(expected, scale, kept, dtype, what + " keepDims");
        Tensor dropped1 = backend().reduce(op, t, axes, false);
        assertEquals(Shape.of(droppedDims), dropped1.shape(), what);
        assertClose(expected, scale, dropped1, dtype, what);
      }
    }
  }

  @Test
  default void reductionsRejectBadAxes() {
    Tensor t = backend().full(Shape.of(2, 3), DType.FLOAT64, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> backend().reduce(ReduceOp.SUM, t, new int[] {0, 0}, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> backend().reduce(ReduceOp.SUM, t, new int[] {2}, false));
  }

  @Test
  default void largeSumIsAccurateAndDeterministic() {
    int n = 300_007;
    double[] x = values(n, 6, DType.FLOAT32);
    Tensor t = tensor(x, DType.FLOAT32, n);
    double expected = 0;
    double scale = 0;
    for (double v : x) {
      expected += v;
      scale += Math.abs(v);
    }
    double first = backend().reduce(ReduceOp.SUM, t, new int[] {0}, false).item();
    assertEquals(expected, first, 1e-6 * scale);
    for (int i = 0; i < 3; i++) {
      assertEquals(first, backend().reduce(ReduceOp.SUM, t, new int[] {0}, false).item(), 0.0);
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void largeReductionsAlongEachAxis(DType dtype) {
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
              backend().reduce(op, t, new int[] {axis}, true),
              dtype,
              op + " over axis " + axis + " of " + Arrays.toString(dims));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void argMaxTakesTheFirstLargest(DType dtype) {
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
      Tensor result = backend().argMax(t, axis);
      assertEquals(Shape.of(outDims), result.shape());
      assertClose(expected, result, dtype, "argMax axis " + axis);
      assertClose(expected, backend().argMax(t, axis - 3), dtype, "argMax negative axis");
    }
  }

  @Test
  default void argMaxOfAnEmptyResultIsEmptyAndOfAnEmptyAxisFails() {
    Tensor t = backend().full(Shape.of(2, 0, 3), DType.FLOAT32, 1);
    assertEquals(Shape.of(0, 3), backend().argMax(t, 0).shape());
    assertEquals(0, backend().argMax(t, 2).toDoubleArray().length);
    assertThrows(IllegalArgumentException.class, () -> backend().argMax(t, 1));
  }
}
