package org.cockpit4j.backend.opencl;

import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * {@link CounterRandom} draws (random.cl). Uniforms are computed on the device and are
 * bit-identical to CounterRandom in both dtypes, with or without fp64. Float32 normals are computed
 * on the device in double where the device has fp64; float64 normals, and float32 normals on
 * devices without fp64, are computed on the host with CounterRandom itself, because OpenCL's double
 * {@code log}/{@code cos} may differ from {@code java.lang.Math}'s in the last bit (about 6% of
 * float64 draws on PoCL 3.1), and the contract asks for exact values. The layers draw only uniforms
 * (dropout, initialisation), so the host path is off the training loop.
 */
final class RandomDraws {
  private RandomDraws() {}

  static Tensor uniform(OpenClBackend backend, Shape shape, DType dtype, long seed, long offset) {
    Tensor out = backend.allocate(shape, dtype);
    int n = out.size();
    backend
        .launch(KernelFamily.RANDOM, dtype, "uniform")
        .tensor(out)
        .integer(n)
        .unsignedLong(seed)
        .unsignedLong(offset)
        .run1d(n);
    return out;
  }

  static Tensor normal(OpenClBackend backend, Shape shape, DType dtype, long seed, long offset) {
    if (dtype == DType.FLOAT32 && backend.context().fp64()) {
      Tensor out = backend.allocate(shape, dtype);
      int n = out.size();
      backend
          .launch(KernelFamily.RANDOM, dtype, "normal_float")
          .tensor(out)
          .integer(n)
          .unsignedLong(seed)
          .unsignedLong(offset)
          .run1d(n);
      return out;
    }
    backend.requireSupported(dtype);
    int n = shape.sizeAsInt();
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = CounterRandom.normal(seed, offset + i);
    }
    return backend.fromArray(values, shape, dtype);
  }
}
