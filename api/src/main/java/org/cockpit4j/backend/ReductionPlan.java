package org.cockpit4j.backend;

import java.util.Arrays;
import java.util.Objects;
import org.cockpit4j.tensor.Shape;

/**
 * How a backend runs a reduction over a set of axes as rows of the layout {@code [outer, count,
 * inner]}: each of the {@code outer * inner} outputs combines {@code count} elements, {@code inner}
 * apart. When the reduced axes are {@link #adjacent} the input already has that layout; otherwise
 * it must first be permuted by {@link #order} (kept axes first, reduced axes last), after which the
 * layout is {@code [outer, count, 1]}.
 *
 * <p>Axes of extent 1 are ignored when deciding adjacency: reducing {@code [4, 1, 5]} over axes 0
 * and 2 needs no copy.
 *
 * @param outShape the result's shape: the reduced axes dropped, or kept with extent 1
 * @param outer number of output rows (all outputs when nothing of extent other than 1 is reduced)
 * @param count number of elements combined into each output (the product of the reduced extents)
 * @param inner number of outputs per row (1 when the input is permuted first)
 * @param adjacent whether the input needs no permutation
 * @param order the permutation of the input's axes that puts the kept axes first and the reduced
 *     axes last, each in their original order; needed only when not {@code adjacent}
 */
public record ReductionPlan(
    Shape outShape, int outer, int count, int inner, boolean adjacent, int[] order) {

  /** Copies {@code order}. */
  public ReductionPlan {
    order = order.clone();
  }

  /**
   * Plans the reduction of {@code shape} over {@code axes} (negative axes count from the end; none
   * means every output is one element); fails naming the shape when an axis is out of range or
   * appears twice.
   */
  public static ReductionPlan of(Shape shape, int[] axes, boolean keepDims) {
    int rank = shape.rank();
    int[] dims = shape.dims();
    boolean[] reduced = reducedAxes(shape, axes);
    Shape outShape = new Shape(outDims(dims, reduced, keepDims));
    int[] order = keptThenReduced(reduced);
    // The non-unit reduced axes: first, last, and whether only extent-1 kept axes lie between.
    int first = -1;
    int last = -1;
    boolean adjacent = true;
    for (int i = 0; i < rank; i++) {
      if (dims[i] == 1 || !reduced[i]) {
        continue;
      }
      if (first < 0) {
        first = i;
      } else {
        for (int k = last + 1; k < i; k++) {
          if (!reduced[k] && dims[k] != 1) {
            adjacent = false;
          }
        }
      }
      last = i;
    }
    if (first < 0) {
      return new ReductionPlan(outShape, shape.sizeAsInt(), 1, 1, true, order);
    }
    int outer = 1;
    int count = 1;
    int inner = 1;
    if (adjacent) {
      for (int i = 0; i < rank; i++) {
        if (i < first) {
          outer *= dims[i];
        } else if (i <= last) {
          count *= dims[i];
        } else {
          inner *= dims[i];
        }
      }
    } else {
      for (int i = 0; i < rank; i++) {
        if (reduced[i]) {
          count *= dims[i];
        } else {
          outer *= dims[i];
        }
      }
    }
    return new ReductionPlan(outShape, outer, count, inner, adjacent, order);
  }

  /**
   * Plans an arg-max over one axis (the result drops the axis); fails naming the shape when the
   * axis is out of range or empty (an empty axis has no largest element).
   */
  public static ReductionPlan argMax(Shape shape, int axis) {
    if (shape.dim(axis) == 0) {
      throw new IllegalArgumentException(
          "argMax over axis " + axis + " of shape " + shape + " which is empty");
    }
    return of(shape, new int[] {axis}, false);
  }

  /** Number of outputs, {@code outer * inner}. */
  public int outputs() {
    return outer * inner;
  }

  /** The permutation to apply when not {@link #adjacent}, copied. */
  @Override
  public int[] order() {
    return order.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReductionPlan plan
        && outShape.equals(plan.outShape)
        && outer == plan.outer
        && count == plan.count
        && inner == plan.inner
        && adjacent == plan.adjacent
        && Arrays.equals(order, plan.order);
  }

  @Override
  public int hashCode() {
    return Objects.hash(outShape, outer, count, inner, adjacent, Arrays.hashCode(order));
  }

  @Override
  public String toString() {
    return "ReductionPlan[outShape="
        + outShape
        + ", outer="
        + outer
        + ", count="
        + count
        + ", inner="
        + inner
        + ", adjacent="
        + adjacent
        + ", order="
        + Arrays.toString(order)
        + "]";
  }

  private static boolean[] reducedAxes(Shape shape, int[] axes) {
    boolean[] reduced = new boolean[shape.rank()];
    for (int axis : axes) {
      int normalized = shape.normalizeAxis(axis);
      if (reduced[normalized]) {
        throw new IllegalArgumentException(
            "Axis " + axis + " appears twice in " + Arrays.toString(axes) + " for shape " + shape);
      }
      reduced[normalized] = true;
    }
    return reduced;
  }

  private static int[] outDims(int[] dims, boolean[] reduced, boolean keepDims) {
    if (keepDims) {
      int[] outDims = dims.clone();
      for (int i = 0; i < dims.length; i++) {
        if (reduced[i]) {
          outDims[i] = 1;
        }
      }
      return outDims;
    }
    int kept = 0;
    for (boolean r : reduced) {
      kept += r ? 0 : 1;
    }
    int[] outDims = new int[kept];
    int j = 0;
    for (int i = 0; i < dims.length; i++) {
      if (!reduced[i]) {
        outDims[j++] = dims[i];
      }
    }
    return outDims;
  }

  private static int[] keptThenReduced(boolean[] reduced) {
    int[] order = new int[reduced.length];
    int j = 0;
    for (int i = 0; i < reduced.length; i++) {
      if (!reduced[i]) {
        order[j++] = i;
      }
    }
    for (int i = 0; i < reduced.length; i++) {
      if (reduced[i]) {
        order[j++] = i;
      }
    }
    return order;
  }
}
