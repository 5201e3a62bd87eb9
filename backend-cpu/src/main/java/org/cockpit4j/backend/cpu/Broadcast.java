package org.cockpit4j.backend.cpu;

import org.cockpit4j.backend.BroadcastPlan;
import org.cockpit4j.tensor.Shape;

/**
 * The iteration plan of a broadcast binary op: the shared {@link BroadcastPlan} (merged axes and
 * strides) seen as {@code rows} runs of {@code inner} elements, with each operand's offset per row
 * and its step (0 or 1) within a run.
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

  /**
   * Plans {@code a op b} ({@link BroadcastPlan}), failing with both shapes when they do not
   * broadcast.
   */
  static Broadcast plan(Shape a, Shape b) {
    BroadcastPlan plan = BroadcastPlan.of(a, b);
    return new Broadcast(plan.outShape(), plan.dims(), plan.aStrides(), plan.bStrides());
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
