package org.cockpit4j.backend;

import java.util.Arrays;
import org.cockpit4j.tensor.Shape;

/**
 * The index plan of a broadcast binary op (NumPy rules, shapes right-aligned): the output's extents
 * with each operand's element stride per axis (0 where it repeats), after dropping extent-1 axes
 * and merging adjacent axes that both operands traverse contiguously. Shared by the backends.
 *
 * @param outShape the result's shape
 * @param dims the extents of the index axes that remain (none for a single element)
 * @param aStrides the left operand's element stride per index axis
 * @param bStrides the right operand's element stride per index axis
 */
public record BroadcastPlan(Shape outShape, int[] dims, int[] aStrides, int[] bStrides) {

  /** Plans {@code a op b}, failing with both shapes when they do not broadcast. */
  public static BroadcastPlan of(Shape a, Shape b) {
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
    return new BroadcastPlan(
        new Shape(out),
        Arrays.copyOf(dims, count),
        Arrays.copyOf(as, count),
        Arrays.copyOf(bs, count));
  }
}
