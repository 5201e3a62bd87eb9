package org.cockpit4j.backend.cpu;

import org.cockpit4j.tensor.Shape;

/**
 * The iteration plan of a broadcast binary op: the output seen as {@code rows} runs of {@code
 * inner} elements, with each operand's offset per row and its step (0 or 1) within a run. Adjacent
 * axes that both operands traverse contiguously are merged first.
 */
final class Broadcast {
  final Shape outShape;
  final int[] dims;
  final int[] aStrides;
  final int[] bStrides;
  final int rows;
  final int inner;
  final int aStep;
  final int bStep;

  private Broadcast(Shape outShape, int[] dims, int[] aStrides, int[] bStrides) {
    this.outShape = outShape;
    this.dims = dims;
    this.aStrides = aStrides;
    this.bStrides = bStrides;
    int last = dims.length - 1;
    this.inner = last < 0 ? 1 : dims[last];
    this.aStep = last < 0 ? 0 : aStrides[last];
    this.bStep = last < 0 ? 0 : bStrides[last];
    int rowCount = 1;
    for (int i = 0; i < last; i++) {
      rowCount *= dims[i];
    }
    this.rows = rowCount;
  }

  /** Plans {@code a op b}, failing with both shapes when they do not broadcast. */
  static Broadcast plan(Shape a, Shape b) {
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    int[] aStr = new int[rank];
    int[] bStr = new int[rank];
    int[] aDims = a.dims();
    int[] bDims = b.dims();
    int[] aRowStrides = a.strides();
    int[] bRowStrides = b.strides();
    for (int i = 0; i < rank; i++) {
      int ai = i - (rank - aDims.length);
      int bi = i - (rank - bDims.length);
      int ad = ai >= 0 ? aDims[ai] : 1;
      int bd = bi >= 0 ? bDims[bi] : 1;
      if (ad != bd && ad != 1 && bd != 1) {
        throw new IllegalArgumentException(
            "Shapes "
                + a
                + " and "
                + b
                + " do not broadcast: axis "
                + i
                + " of the result has extents "
                + ad
                + " and "
                + bd
                + "; extents must match or be 1");
      }
      out[i] = ad == 1 ? bd : ad;
      aStr[i] = ad == 1 ? 0 : aRowStrides[ai];
      bStr[i] = bd == 1 ? 0 : bRowStrides[bi];
    }
    Shape outShape = new Shape(out);
    // Drop extent-1 axes and merge axes traversed contiguously by both operands.
    int[] dims = new int[rank];
    int[] as = new int[rank];
    int[] bs = new int[rank];
    int count = 0;
    for (int i = 0; i < rank; i++) {
      if (out[i] == 1) {
        continue;
      }
      if (count > 0 && as[count - 1] == aStr[i] * out[i] && bs[count - 1] == bStr[i] * out[i]) {
        dims[count - 1] *= out[i];
        as[count - 1] = aStr[i];
        bs[count - 1] = bStr[i];
      } else {
        dims[count] = out[i];
        as[count] = aStr[i];
        bs[count] = bStr[i];
        count++;
      }
    }
    return new Broadcast(
        outShape,
        java.util.Arrays.copyOf(dims, count),
        java.util.Arrays.copyOf(as, count),
        java.util.Arrays.copyOf(bs, count));
  }

  /** Offset of operand {@code strides} at the start of row {@code row}. */
  int rowOffset(int[] strides, int row) {
    int offset = 0;
    for (int axis = dims.length - 2; axis >= 0; axis--) {
      int extent = dims[axis];
      offset += (row % extent) * strides[axis];
      row /= extent;
    }
    return offset;
  }
}
