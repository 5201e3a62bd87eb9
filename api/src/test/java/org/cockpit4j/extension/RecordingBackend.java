package org.cockpit4j.extension;

import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.backend.ReduceOp;
import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Storage;
import org.cockpit4j.tensor.Tensor;

/**
 * A backend that delegates every op and records the largest tensor any op created, so that tests
 * can check what an extension materialises (e.g. that batch_l2 never forms per-sample gradients).
 * Results are re-wrapped with this backend so that follow-up ops are recorded too.
 */
public final class RecordingBackend implements Backend {
  private final Backend delegate;
  private long largestCreated;

  /** Records the ops run on {@code delegate}. */
  public RecordingBackend(Backend delegate) {
    this.delegate = delegate;
  }

  /** Number of elements of the largest tensor created since the last {@link #reset}. */
  public long largestCreated() {
    return largestCreated;
  }

  /** Forgets what was recorded. */
  public void reset() {
    largestCreated = 0;
  }

  private Tensor record(Tensor result) {
    largestCreated = Math.max(largestCreated, result.shape().size());
    Storage storage = result.storage();
    storage.retain();
    Tensor rewrapped = Tensor.wrap(this, storage, result.shape(), result.dtype());
    result.close();
    return rewrapped;
  }

  @Override
  public String name() {
    return "recording-" + delegate.name();
  }

  @Override
  public String deviceDescription() {
    return delegate.deviceDescription();
  }

  @Override
  public boolean supports(DType dtype) {
    return delegate.supports(dtype);
  }

  @Override
  public Tensor fromArray(double[] data, Shape shape, DType dtype) {
    return record(delegate.fromArray(data, shape, dtype));
  }

  @Override
  public Tensor fromArray(float[] data, Shape shape) {
    return record(delegate.fromArray(data, shape));
  }

  @Override
  public Tensor full(Shape shape, DType dtype, double value) {
    return record(delegate.full(shape, dtype, value));
  }

  @Override
  public double[] toDoubleArray(Tensor tensor) {
    return delegate.toDoubleArray(tensor);
  }

  @Override
  public float[] toFloatArray(Tensor tensor) {
    return delegate.toFloatArray(tensor);
  }

  @Override
  public Tensor cast(Tensor tensor, DType dtype) {
    return record(delegate.cast(tensor, dtype));
  }

  @Override
  public Tensor copy(Tensor tensor) {
    return record(delegate.copy(tensor));
  }

  @Override
  public Tensor unary(UnaryOp op, Tensor x, double p) {
    return record(delegate.unary(op, x, p));
  }

  @Override
  public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
    return record(delegate.binary(op, a, b));
  }

  @Override
  public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
    return record(delegate.reduce(op, x, axes, keepDims));
  }

  @Override
  public Tensor argMax(Tensor x, int axis) {
    return record(delegate.argMax(x, axis));
  }

  @Override
  public Tensor permute(Tensor x, int... axes) {
    return record(delegate.permute(x, axes));
  }

  @Override
  public Tensor slice(Tensor x, int axis, int start, int end) {
    return record(delegate.slice(x, axis, start, end));
  }

  @Override
  public Tensor concat(List<Tensor> parts, int axis) {
    return record(delegate.concat(parts, axis));
  }

  @Override
  public Tensor gather(Tensor x, int axis, Tensor index) {
    return record(delegate.gather(x, axis, index));
  }

  @Override
  public Tensor scatterAdd(Tensor index, Tensor source, int axis, Shape shape) {
    return record(delegate.scatterAdd(index, source, axis, shape));
  }

  @Override
  public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    return record(delegate.matmul(a, b, transposeA, transposeB));
  }

  @Override
  public Tensor im2col(Tensor x, ConvGeometry geometry) {
    return record(delegate.im2col(x, geometry));
  }

  @Override
  public Tensor col2im(Tensor columns, ConvGeometry geometry, int height, int width) {
    return record(delegate.col2im(columns, geometry, height, width));
  }

  @Override
  public Tensor maxPoolIndices(Tensor x, ConvGeometry geometry) {
    return record(delegate.maxPoolIndices(x, geometry));
  }

  @Override
  public Tensor randomUniform(Shape shape, DType dtype, long seed, long offset) {
    return record(delegate.randomUniform(shape, dtype, seed, offset));
  }

  @Override
  public Tensor randomNormal(Shape shape, DType dtype, long seed, long offset) {
    return record(delegate.randomNormal(shape, dtype, seed, offset));
  }
}
