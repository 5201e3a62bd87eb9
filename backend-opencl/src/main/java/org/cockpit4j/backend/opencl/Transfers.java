package org.cockpit4j.backend.opencl;

import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_mem;

/** Creation, host transfers, casts and copies. Reads wait for the queued work. */
final class Transfers {
  private Transfers() {}

  private static void checkLength(int length, Shape shape) {
    if (length != shape.size()) {
      throw new IllegalArgumentException(
          "Data of length " + length + " does not fill shape " + shape + " (" + shape.size() + ")");
    }
  }

  private static Tensor upload(OpenClBackend backend, Pointer data, Shape shape, DType dtype) {
    backend.requireSupported(dtype);
    long bytes = (long) shape.sizeAsInt() * dtype.bytes();
    cl_mem mem = bytes == 0 ? null : backend.context().upload(data, bytes, shape, dtype);
    return backend.wrap(new OpenClStorage(mem, bytes), shape, dtype);
  }

  static Tensor fromArray(OpenClBackend backend, double[] data, Shape shape, DType dtype) {
    checkLength(data.length, shape);
    if (dtype == DType.FLOAT64) {
      return upload(backend, Pointer.to(data), shape, dtype);
    }
    float[] floats = new float[data.length];
    for (int i = 0; i < data.length; i++) {
      floats[i] = (float) data[i];
    }
    return upload(backend, Pointer.to(floats), shape, dtype);
  }

  static Tensor fromArray(OpenClBackend backend, float[] data, Shape shape) {
    checkLength(data.length, shape);
    return upload(backend, Pointer.to(data), shape, DType.FLOAT32);
  }

  static Tensor full(OpenClBackend backend, Shape shape, DType dtype, double value) {
    Tensor out = backend.allocate(shape, dtype);
    fill(backend, OpenClStorage.of(out), shape.sizeAsInt(), dtype, value);
    return out;
  }

  /** Enqueues filling {@code elements} values of {@code mem} with {@code value}. */
  static void fill(OpenClBackend backend, cl_mem mem, long elements, DType dtype, double value) {
    if (elements == 0) {
      return;
    }
    Pointer pattern =
        dtype == DType.FLOAT32
            ? Pointer.to(new float[] {(float) value})
            : Pointer.to(new double[] {value});
    OpenClContext context = backend.context();
    context.command(
        () -> "filling " + elements + " " + dtype + " values",
        () ->
            CL.clEnqueueFillBuffer(
                context.queue(),
                mem,
                pattern,
                dtype.bytes(),
                0,
                elements * dtype.bytes(),
                0,
                null,
                null));
  }

  static double[] toDoubleArray(OpenClBackend backend, Tensor tensor) {
    cl_mem mem = OpenClStorage.of(tensor);
    int size = tensor.size();
    double[] out = new double[size];
    if (size == 0) {
      return out;
    }
    if (tensor.dtype() == DType.FLOAT64) {
      read(backend, tensor, mem, Pointer.to(out), (long) size * 8);
      return out;
    }
    float[] floats = new float[size];
    read(backend, tensor, mem, Pointer.to(floats), (long) size * 4);
    for (int i = 0; i < size; i++) {
      out[i] = floats[i];
    }
    return out;
  }

  static float[] toFloatArray(OpenClBackend backend, Tensor tensor) {
    cl_mem mem = OpenClStorage.of(tensor);
    int size = tensor.size();
    float[] out = new float[size];
    if (size == 0) {
      return out;
    }
    if (tensor.dtype() == DType.FLOAT32) {
      read(backend, tensor, mem, Pointer.to(out), (long) size * 4);
      return out;
    }
    double[] doubles = new double[size];
    read(backend, tensor, mem, Pointer.to(doubles), (long) size * 8);
    for (int i = 0; i < size; i++) {
      out[i] = (float) doubles[i];
    }
    return out;
  }

  private static void read(
      OpenClBackend backend, Tensor tensor, cl_mem mem, Pointer target, long bytes) {
    OpenClContext context = backend.context();
    context.command(
        () -> "reading a " + tensor.dtype() + " tensor of shape " + tensor.shape() + " back",
        () -> CL.clEnqueueReadBuffer(context.queue(), mem, true, 0, bytes, target, 0, null, null));
  }

  static Tensor cast(OpenClBackend backend, Tensor tensor, DType dtype) {
    if (dtype == tensor.dtype()) {
      return copy(backend, tensor);
    }
    backend.requireSupported(dtype);
    Tensor out = backend.allocate(tensor.shape(), dtype);
    // Both cast kernels live in the float64 program.
    backend
        .launch(
            KernelFamily.ELEMENTWISE,
            DType.FLOAT64,
            dtype == DType.FLOAT32 ? "cast_to_float" : "cast_from_float")
        .tensor(tensor)
        .tensor(out)
        .integer(tensor.size())
        .run1d(tensor.size());
    return out;
  }

  static Tensor copy(OpenClBackend backend, Tensor tensor) {
    cl_mem source = OpenClStorage.of(tensor);
    Tensor out = backend.allocate(tensor.shape(), tensor.dtype());
    long bytes = (long) tensor.size() * tensor.dtype().bytes();
    if (bytes > 0) {
      OpenClContext context = backend.context();
      cl_mem target = OpenClStorage.of(out);
      context.command(
          () -> "copying a " + tensor.dtype() + " tensor of shape " + tensor.shape(),
          () ->
              CL.clEnqueueCopyBuffer(context.queue(), source, target, 0, 0, bytes, 0, null, null));
    }
    return out;
  }
}
