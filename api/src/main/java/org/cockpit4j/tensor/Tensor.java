package org.cockpit4j.tensor;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.backend.UnaryOp;

/**
 * A contiguous row-major tensor living on one {@link Backend}. Immutable in value: every operation
 * returns a new tensor. Closing it releases its share of the backend buffer; a {@link TensorScope}
 * does that for every tensor created inside it.
 *
 * <p>The fluent methods are shorthands for the backend's primitive operations.
 */
public final class Tensor implements AutoCloseable {
  private final Backend backend;
  private final Storage storage;
  private final Shape shape;
  private final DType dtype;
  private boolean closed;

  private Tensor(Backend backend, Storage storage, Shape shape, DType dtype) {
    this.backend = backend;
    this.storage = storage;
    this.shape = shape;
    this.dtype = dtype;
  }

  /**
   * Backend SPI: wraps a freshly allocated buffer (the tensor takes over the caller's reference)
   * and registers it with the current {@link TensorScope}.
   */
  public static Tensor wrap(Backend backend, Storage storage, Shape shape, DType dtype) {
    Tensor tensor = new Tensor(backend, storage, shape, dtype);
    TensorScope.register(tensor);
    return tensor;
  }

  /** The backend that owns the buffer. */
  public Backend backend() {
    return backend;
  }

  /** Backend SPI: the buffer. */
  public Storage storage() {
    if (closed) {
      throw new IllegalStateException("Tensor of shape " + shape + " was already closed");
    }
    return storage;
  }

  /** The shape. */
  public Shape shape() {
    return shape;
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** Number of elements. */
  public int size() {
    return shape.sizeAsInt();
  }

  /** Extent of {@code axis} (negative counts from the end). */
  public int dim(int axis) {
    return shape.dim(axis);
  }

  /** Number of axes. */
  public int rank() {
    return shape.rank();
  }

  /** True once closed. */
  public boolean isClosed() {
    return closed;
  }

  /** A view with another shape of the same size, sharing the buffer. */
  public Tensor reshape(Shape newShape) {
    if (newShape.size() != shape.size()) {
      throw new IllegalArgumentException(
          "Cannot reshape a tensor of shape "
              + shape
              + " ("
              + shape.size()
              + " elements) to "
              + newShape
              + " ("
              + newShape.size()
              + " elements)");
    }
    Storage shared = storage();
    shared.retain();
    return wrap(backend, shared, newShape, dtype);
  }

  /** A view with another shape; one extent may be -1 and is inferred. */
  public Tensor reshape(int... dims) {
    int[] resolved = dims.clone();
    int inferred = -1;
    long known = 1;
    for (int i = 0; i < resolved.length; i++) {
      if (resolved[i] == -1) {
        if (inferred >= 0) {
          throw new IllegalArgumentException("Only one extent may be -1 in a reshape");
        }
        inferred = i;
      } else {
        known *= resolved[i];
      }
    }
    if (inferred >= 0) {
      if (known == 0 || shape.size() % known != 0) {
        throw new IllegalArgumentException(
            "Cannot reshape a tensor of shape " + shape + " to " + java.util.Arrays.toString(dims));
      }
      resolved[inferred] = (int) (shape.size() / known);
    }
    return reshape(new Shape(resolved));
  }

  /** The elements as doubles, row-major. */
  public double[] toDoubleArray() {
    return backend.toDoubleArray(this);
  }

  /** The elements as floats, row-major. */
  public float[] toFloatArray() {
    return backend.toFloatArray(this);
  }

  /** The single element of a one-element tensor. */
  public double item() {
    if (shape.size() != 1) {
      throw new IllegalArgumentException(
          "item() needs a tensor with one element, got shape " + shape);
    }
    return toDoubleArray()[0];
  }

  // ---- fluent shorthands --------------------------------------------------------------------

  public Tensor add(Tensor other) {
    return backend.binary(BinaryOp.ADD, this, other);
  }

  public Tensor subtract(Tensor other) {
    return backend.binary(BinaryOp.SUBTRACT, this, other);
  }

  public Tensor multiply(Tensor other) {
    return backend.binary(BinaryOp.MULTIPLY, this, other);
  }

  public Tensor divide(Tensor other) {
    return backend.binary(BinaryOp.DIVIDE, this, other);
  }

  public Tensor add(double scalar) {
    return backend.unary(UnaryOp.ADD_SCALAR, this, scalar);
  }

  public Tensor multiply(double scalar) {
    return backend.unary(UnaryOp.MULTIPLY_SCALAR, this, scalar);
  }

  public Tensor unary(UnaryOp op) {
    return backend.unary(op, this, 0.0);
  }

  public Tensor unary(UnaryOp op, double parameter) {
    return backend.unary(op, this, parameter);
  }

  public Tensor square() {
    return unary(UnaryOp.SQUARE);
  }

  public Tensor sqrt() {
    return unary(UnaryOp.SQRT);
  }

  public Tensor exp() {
    return unary(UnaryOp.EXP);
  }

  public Tensor log() {
    return unary(UnaryOp.LOG);
  }

  public Tensor negate() {
    return unary(UnaryOp.NEGATE);
  }

  /** {@code this @ other} with optional transposes of the last two axes. */
  public Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
    return backend.matmul(this, other, transposeThis, transposeOther);
  }

  public Tensor matmul(Tensor other) {
    return matmul(other, false, false);
  }

  /** Sum over the given axes (all axes when none are given), dropping them. */
  public Tensor sum(int... axes) {
    return backend.reduce(ReduceOp.SUM, this, axes.length == 0 ? allAxes() : axes, false);
  }

  /** Sum over the given axes, keeping them with extent 1. */
  public Tensor sumKeepDims(int... axes) {
    return backend.reduce(ReduceOp.SUM, this, axes, true);
  }

  /** Sum of squares over the given axes (all axes when none are given). */
  public Tensor sumOfSquares(int... axes) {
    return backend.reduce(
        ReduceOp.SUM_OF_SQUARES, this, axes.length == 0 ? allAxes() : axes, false);
  }

  /** Maximum over the given axes, keeping them with extent 1. */
  public Tensor maxKeepDims(int... axes) {
    return backend.reduce(ReduceOp.MAX, this, axes, true);
  }

  /** Reorders the axes. */
  public Tensor permute(int... axes) {
    return backend.permute(this, axes);
  }

  /** A copy with {@code dtype}. */
  public Tensor cast(DType target) {
    return backend.cast(this, target);
  }

  /** A copy of this tensor. */
  public Tensor copy() {
    return backend.copy(this);
  }

  private int[] allAxes() {
    int[] axes = new int[shape.rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    return axes;
  }

  /** Releases this tensor's share of the buffer; closing twice is harmless. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      storage.release();
    }
  }

  @Override
  public String toString() {
    return "Tensor" + shape + " " + dtype + " on " + backend.name();
  }
}
