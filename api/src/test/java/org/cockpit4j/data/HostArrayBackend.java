package org.cockpit4j.data;

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
 * The transfer part of a backend over plain Java arrays, enough to test batching without a real
 * backend: creation rounds to the dtype (float32 values go through {@code (float)}), reading back
 * widens. Every compute operation throws. Shared with the checkpoint tests.
 */
public final class HostArrayBackend implements Backend {
  private int liveBuffers;

  /** Number of buffers not yet freed (for tests of ownership). */
  int liveBuffers() {
    return liveBuffers;
  }

  private final class HostStorage extends Storage {
    final double[] values;

    HostStorage(double[] values) {
      this.values = values;
      liveBuffers++;
    }

    @Override
    protected void free() {
      liveBuffers--;
    }
  }

  @Override
  public String name() {
    return "host-test";
  }

  @Override
  public String deviceDescription() {
    return "plain Java arrays (test only)";
  }

  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public Tensor fromArray(double[] data, Shape shape, DType dtype) {
    if (data.length != shape.size()) {
      throw new IllegalArgumentException(data.length + " values for shape " + shape);
    }
    double[] values = data.clone();
    if (dtype == DType.FLOAT32) {
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) values[i];
      }
    }
    return wrap(new HostStorage(values), shape, dtype);
  }

  @Override
  public Tensor fromArray(float[] data, Shape shape) {
    double[] values = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      values[i] = data[i];
    }
    return fromArray(values, shape, DType.FLOAT32);
  }

  @Override
  public Tensor full(Shape shape, DType dtype, double value) {
    double[] values = new double[shape.sizeAsInt()];
    java.util.Arrays.fill(values, value);
    return fromArray(values, shape, dtype);
  }

  @Override
  public double[] toDoubleArray(Tensor tensor) {
    return ((HostStorage) tensor.storage()).values.clone();
  }

  @Override
  public float[] toFloatArray(Tensor tensor) {
    double[] values = toDoubleArray(tensor);
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("HostArrayBackend only moves data");
  }

  @Override
  public Tensor cast(Tensor tensor, DType dtype) {
    return fromArray(toDoubleArray(tensor), tensor.shape(), dtype);
  }

  @Override
  public Tensor copy(Tensor tensor) {
    return cast(tensor, tensor.dtype());
  }

  @Override
  public Tensor unary(UnaryOp op, Tensor x, double p) {
    throw unsupported();
  }

  @Override
  public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
    throw unsupported();
  }

  @Override
  public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepDims) {
    throw unsupported();
  }

  @Override
  public Tensor argMax(Tensor x, int axis) {
    throw unsupported();
  }

  @Override
  public Tensor permute(Tensor x, int... axes) {
    throw unsupported();
  }

  @Override
  public Tensor slice(Tensor x, int axis, int start, int end) {
    throw unsupported();
  }

  @Override
  public Tensor concat(List<Tensor> parts, int axis) {
    throw unsupported();
  }

  @Override
  public Tensor gather(Tensor x, int axis, Tensor index) {
    throw unsupported();
  }

  @Override
  public Tensor scatterAdd(Tensor index, Tensor source, int axis, Shape shape) {
    throw unsupported();
  }

  @Override
  public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    throw unsupported();
  }

  @Override
  public Tensor im2col(Tensor x, ConvGeometry geometry) {
    throw unsupported();
  }

  @Override
  public Tensor col2im(Tensor columns, ConvGeometry geometry, int height, int width) {
    throw unsupported();
  }

  @Override
  public Tensor maxPoolIndices(Tensor x, ConvGeometry geometry) {
    throw unsupported();
  }

  @Override
  public Tensor randomUniform(Shape shape, DType dtype, long seed, long offset) {
    throw unsupported();
  }

  @Override
  public Tensor randomNormal(Shape shape, DType dtype, long seed, long offset) {
    throw unsupported();
  }
}
