package org.cockpit4j.backend;

import static org.cockpit4j.backend.ContractValues.assertClose;
import static org.cockpit4j.backend.ContractValues.ravel;
import static org.cockpit4j.backend.ContractValues.size;
import static org.cockpit4j.backend.ContractValues.unravel;
import static org.cockpit4j.backend.ContractValues.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backend contract, part: Permute, slice, concat, gather and scatter-add. See {@link
 * BackendContractTest}.
 */
public interface MovementContract extends BackendContract {

  @ParameterizedTest
  @EnumSource(DType.class)
  default void permuteReordersAxes(DType dtype) {
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
      Tensor result = backend().permute(t, perm);
      assertEquals(Shape.of(outDims), result.shape());
      assertArrayEquals(expected, result.toDoubleArray(), 0.0, Arrays.toString(perm));
    }
    assertThrows(IllegalArgumentException.class, () -> backend().permute(t, 0, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> backend().permute(t, 0, 1, 1, 2));
  }

  @Test
  default void largeTransposeIsExact() {
    int rows = 300;
    int cols = 257;
    double[] x = values(rows * cols, 9, DType.FLOAT32);
    double[] got = backend().permute(tensor(x, DType.FLOAT32, rows, cols), 1, 0).toDoubleArray();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        assertEquals(x[i * cols + j], got[j * rows + i], 0.0);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void sliceAndConcat(DType dtype) {
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
      Tensor sliced = backend().slice(t, axis, start, end);
      assertEquals(Shape.of(outDims), sliced.shape());
      assertArrayEquals(expected, sliced.toDoubleArray(), 0.0);
      Tensor head = backend().slice(t, axis, 0, start);
      Tensor tail = backend().slice(t, axis, end, dims[axis]);
      Tensor whole = backend().concat(List.of(head, sliced, tail), axis);
      assertEquals(t.shape(), whole.shape());
      assertArrayEquals(x, whole.toDoubleArray(), 0.0, "concat along " + axis);
    }
    assertEquals(Shape.of(3, 0, 5), backend().slice(t, 1, 2, 2).shape());
    assertThrows(IllegalArgumentException.class, () -> backend().slice(t, 1, 2, 5));
    assertThrows(IllegalArgumentException.class, () -> backend().slice(t, 1, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> backend().slice(t, 3, 0, 1));
    Tensor other = tensor(values(6, 11, dtype), dtype, 3, 2);
    assertThrows(IllegalArgumentException.class, () -> backend().concat(List.of(t, other), 1));
    Tensor wrongExtent = tensor(values(8, 11, dtype), dtype, 2, 4, 1);
    assertThrows(
        IllegalArgumentException.class, () -> backend().concat(List.of(t, wrongExtent), 2));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  default void gatherAndScatterAddAreAdjoint(DType dtype) {
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
    Tensor g = backend().gather(tx, 1, ti);
    assertEquals(Shape.of(indexDims), g.shape());
    assertArrayEquals(gathered, g.toDoubleArray(), 0.0);
    Tensor s = backend().scatterAdd(ti, ts, 1, Shape.of(dims));
    assertEquals(Shape.of(dims), s.shape());
    assertClose(scattered, scale, s, dtype, "scatterAdd");
    // Along the last axis (the softmax cross-entropy pattern).
    Tensor labels = tensor(new double[] {2, 0, 3}, dtype, 3, 1);
    Tensor logits = tensor(values(12, 15, dtype), dtype, 3, 4);
    double[] picked = backend().gather(logits, -1, labels).toDoubleArray();
    double[] all = logits.toDoubleArray();
    assertArrayEquals(new double[] {all[2], all[4], all[11]}, picked, 0.0);
    Tensor ones = backend().full(Shape.of(3, 1), dtype, 1);
    assertArrayEquals(
        new double[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1},
        backend().scatterAdd(labels, ones, 1, Shape.of(3, 4)).toDoubleArray(),
        0.0);
    // Errors: out-of-range index, wrong index shape.
    Tensor bad = tensor(new double[] {0, 5, 1}, dtype, 3, 1);
    assertThrows(IllegalArgumentException.class, () -> backend().gather(logits, 1, bad));
    Tensor wrongShape = tensor(new double[] {0, 1}, dtype, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> backend().gather(logits, 1, wrongShape));
    assertThrows(
        IllegalArgumentException.class, () -> backend().scatterAdd(labels, ts, 1, Shape.of(3, 4)));
  }
}
