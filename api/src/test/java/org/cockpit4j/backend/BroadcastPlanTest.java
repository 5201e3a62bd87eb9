package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * The broadcast plan against NumPy's rule, element by element, for every pair of shapes of rank 0
 * to 3 with extents 1 to 3: each output element's operand offsets from the plan's merged axes equal
 * the offsets of the right-aligned, repeat-where-1 definition.
 */
class BroadcastPlanTest {

  private static List<Shape> shapes() {
    List<Shape> shapes = new ArrayList<>();
    shapes.add(Shape.scalar());
    for (int rank = 1; rank <= 3; rank++) {
      int[] dims = new int[rank];
      int total = (int) Math.pow(3, rank);
      for (int code = 0; code < total; code++) {
        int rest = code;
        for (int i = 0; i < rank; i++) {
          dims[i] = 1 + rest % 3;
          rest /= 3;
        }
        shapes.add(Shape.of(dims.clone()));
      }
    }
    return shapes;
  }

  /** Offset in {@code operand} of output element {@code index} by the definition. */
  private static int definedOffset(Shape operand, int[] outIndex) {
    int[] dims = operand.dims();
    int[] strides = operand.strides();
    int shift = outIndex.length - dims.length;
    int offset = 0;
    for (int i = 0; i < dims.length; i++) {
      offset += (dims[i] == 1 ? 0 : outIndex[i + shift]) * strides[i];
    }
    return offset;
  }

  @Test
  void offsetsMatchTheDefinitionForEveryPairOfSmallShapes() {
    int checked = 0;
    for (Shape a : shapes()) {
      for (Shape b : shapes()) {
        BroadcastPlan plan;
        try {
          plan = BroadcastPlan.of(a, b);
        } catch (IllegalArgumentException e) {
          assertTrue(e.getMessage().contains("do not broadcast"), e.getMessage());
          continue;
        }
        int[] outDims = plan.outShape().dims();
        int size = plan.outShape().sizeAsInt();
        for (int flat = 0; flat < size; flat++) {
          int[] index = new int[outDims.length];
          int rest = flat;
          for (int i = outDims.length - 1; i >= 0; i--) {
            index[i] = rest % outDims[i];
            rest /= outDims[i];
          }
          // the plan's merged axes enumerate the output in row-major order too
          int aOffset = 0;
          int bOffset = 0;
          rest = flat;
          for (int axis = plan.dims().length - 1; axis >= 0; axis--) {
            int position = rest % plan.dims()[axis];
            rest /= plan.dims()[axis];
            aOffset += position * plan.aStrides()[axis];
            bOffset += position * plan.bStrides()[axis];
          }
          String what = a + " op " + b + " element " + flat;
          assertEquals(definedOffset(a, index), aOffset, what);
          assertEquals(definedOffset(b, index), bOffset, what);
          checked++;
        }
      }
    }
    assertTrue(checked > 1000, "checked " + checked);
  }

  @Test
  void incompatibleShapesNameBothAndTheAxis() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> BroadcastPlan.of(Shape.of(2, 3), Shape.of(4, 3)));
    assertEquals(
        "Shapes [2, 3] and [4, 3] do not broadcast: axis 0 of the result has extents 2 and 4;"
            + " extents must match or be 1",
        error.getMessage());
  }
}
