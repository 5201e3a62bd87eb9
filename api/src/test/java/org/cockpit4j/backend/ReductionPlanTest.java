package org.cockpit4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * {@link ReductionPlan} against brute force on every shape of rank up to 4 with extents 0 to 3 and
 * every set of reduced axes: the claimed {@code [outer, count, inner]} layout is checked element by
 * element, and a plan that asks for a permutation must be one where no such layout exists.
 */
class ReductionPlanTest {

  @Test
  void everySmallShapeAndAxisSetMatchesBruteForce() {
    for (int[] dims : smallShapes()) {
      int rank = dims.length;
      for (int mask = 0; mask < (1 << rank); mask++) {
        boolean[] reduced = new boolean[rank];
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
          reduced[i] = (mask & (1 << i)) != 0;
          if (reduced[i]) {
            axes.add(i % 2 == 0 ? i : i - rank); // negative axes too
          }
        }
        int[] axisArray = axes.stream().mapToInt(Integer::intValue).toArray();
        for (boolean keepDims : new boolean[] {false, true}) {
          ReductionPlan plan = ReductionPlan.of(new Shape(dims), axisArray, keepDims);
          checkAgainstBruteForce(dims, reduced, keepDims, plan);
        }
      }
    }
  }

  private static void checkAgainstBruteForce(
      int[] dims, boolean[] reduced, boolean keepDims, ReductionPlan plan) {
    String where = new Shape(dims) + " reduced " + java.util.Arrays.toString(reduced);
    List<Integer> outDims = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    int kept = 1;
    int combined = 1;
    long size = 1;
    for (int i = 0; i < dims.length; i++) {
      size *= dims[i];
      if (reduced[i]) {
        combined *= dims[i];
        if (keepDims) {
          outDims.add(1);
        }
      } else {
        kept *= dims[i];
        outDims.add(dims[i]);
        order.add(i);
      }
    }
    for (int i = 0; i < dims.length; i++) {
      if (reduced[i]) {
        order.add(i);
      }
    }
    assertEquals(
        new Shape(outDims.stream().mapToInt(Integer::intValue).toArray()), plan.outShape(), where);
    assertArrayEquals(order.stream().mapToInt(Integer::intValue).toArray(), plan.order(), where);
    assertEquals(combined, plan.count(), where);
    assertEquals(kept, plan.outputs(), where);
    if (plan.adjacent()) {
      assertTrue(layoutHolds(dims, reduced, plan.outer(), plan.count(), plan.inner()), where);
      return;
    }
    assertEquals(1, plan.inner(), where);
    int[] movedDims = new int[dims.length];
    boolean[] movedReduced = new boolean[dims.length];
    for (int i = 0; i < dims.length; i++) {
      movedDims[i] = dims[plan.order()[i]];
      movedReduced[i] = reduced[plan.order()[i]];
    }
    assertTrue(layoutHolds(movedDims, movedReduced, plan.outer(), plan.count(), 1), where);
    if (size > 0) {
      for (int inner = 1; inner <= kept; inner++) {
        if (kept % inner == 0) {
          assertFalse(layoutHolds(dims, reduced, kept / inner, combined, inner), where);
        }
      }
    }
  }

  /**
   * Whether element {@code (o, c, i)} of {@code [outer, count, inner]} is, for every element of
   * {@code dims}, the one whose kept axes give output {@code o * inner + i} and whose reduced axes
   * give position {@code c}, all row-major.
   */
  private static boolean layoutHolds(
      int[] dims, boolean[] reduced, int outer, int count, int inner) {
    long size = 1;
    for (int d : dims) {
      size *= d;
    }
    if ((long) outer * count * inner != size) {
      return false;
    }
    int[] index = new int[dims.length];
    for (int flat = 0; flat < size; flat++) {
      int output = 0;
      int position = 0;
      for (int i = 0; i < dims.length; i++) {
        if (reduced[i]) {
          position = position * dims[i] + index[i];
        } else {
          output = output * dims[i] + index[i];
        }
      }
      if (flat != ((output / inner) * count + position) * inner + output % inner) {
        return false;
      }
      for (int i = dims.length - 1; i >= 0 && ++index[i] == dims[i]; i--) {
        index[i] = 0;
      }
    }
    return true;
  }

  private static List<int[]> smallShapes() {
    List<int[]> shapes = new ArrayList<>();
    for (int rank = 0; rank <= 4; rank++) {
      int[] dims = new int[rank];
      int combinations = 1 << (2 * rank);
      for (int code = 0; code < combinations; code++) {
        for (int i = 0; i < rank; i++) {
          dims[i] = (code >> (2 * i)) & 3;
        }
        shapes.add(dims.clone());
      }
    }
    return shapes;
  }

  @Test
  void extentOneAxesDoNotBreakAdjacency() {
    ReductionPlan plan = ReductionPlan.of(Shape.of(4, 1, 5), new int[] {0, 2}, false);
    assertTrue(plan.adjacent());
    assertEquals(1, plan.outer());
    assertEquals(20, plan.count());
    assertEquals(1, plan.inner());
    assertEquals(Shape.of(1), plan.outShape());
  }

  @Test
  void separatedAxesAskForThePermutationThatMovesThemLast() {
    ReductionPlan plan = ReductionPlan.of(Shape.of(2, 3, 4), new int[] {0, -1}, true);
    assertFalse(plan.adjacent());
    assertArrayEquals(new int[] {1, 0, 2}, plan.order());
    assertEquals(3, plan.outer());
    assertEquals(8, plan.count());
    assertEquals(Shape.of(1, 3, 1), plan.outShape());
  }

  @Test
  void aRepeatedAxisFailsNamingTheAxesAndShape() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReductionPlan.of(Shape.of(2, 3), new int[] {1, -1}, false));
    assertEquals("Axis -1 appears twice in [1, -1] for shape [2, 3]", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ReductionPlan.of(Shape.of(2, 3), new int[] {2}, false));
  }

  @Test
  void argMaxDropsTheAxisAndRefusesAnEmptyOne() {
    ReductionPlan plan = ReductionPlan.argMax(Shape.of(2, 3, 4), -2);
    assertEquals(Shape.of(2, 4), plan.outShape());
    assertEquals(2, plan.outer());
    assertEquals(3, plan.count());
    assertEquals(4, plan.inner());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReductionPlan.argMax(Shape.of(2, 0), 1));
    assertEquals("argMax over axis 1 of shape [2, 0] which is empty", e.getMessage());
  }

  @Test
  void plansAreValuesAndTheirOrderIsCopied() {
    ReductionPlan plan = ReductionPlan.of(Shape.of(2, 3, 4), new int[] {0, 2}, false);
    assertEquals(ReductionPlan.of(Shape.of(2, 3, 4), new int[] {2, 0}, false), plan);
    assertEquals(
        ReductionPlan.of(Shape.of(2, 3, 4), new int[] {2, 0}, false).hashCode(), plan.hashCode());
    plan.order()[0] = 7;
    assertEquals(1, plan.order()[0]);
  }
}
