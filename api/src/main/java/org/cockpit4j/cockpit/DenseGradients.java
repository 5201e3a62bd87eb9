package org.cockpit4j.cockpit;

import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.HistogramBins;
import org.cockpit4j.quantity.ParameterDirection;
import org.cockpit4j.quantity.PerSampleGradients;
import org.cockpit4j.quantity.RetainedGradients;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Per-sample gradients held as a tensor {@code [N, *shape]}: biases ({@code δ} itself for a linear
 * bias), convolution weights (which need the per-sample gradients for their Gram matrices anyway),
 * and any layer of a plugin that computes its per-sample gradients. A rule for a plugin layer wraps
 * them in this class and hands them to the Cockpit's transforms.
 */
public final class DenseGradients implements PerSampleGradients {
  private final Parameter parameter;
  private final Tensor values;
  private double[] host;
  private float[] hostFloats;

  /**
   * A view over {@code perSample}, {@code [N, *shape]} or {@code [N, size]}; the tensor stays the
   * caller's.
   */
  public DenseGradients(Parameter parameter, Tensor perSample) {
    if (perSample.rank() < 1 || perSample.size() != perSample.dim(0) * parameter.size()) {
      throw new IllegalArgumentException(
          "Per-sample gradients of parameter "
              + parameter.name()
              + " "
              + parameter.shape()
              + " must have N times its size; got "
              + perSample.shape());
    }
    this.parameter = parameter;
    this.values = perSample;
  }

  @Override
  public Parameter parameter() {
    return parameter;
  }

  @Override
  public int batchSize() {
    return values.dim(0);
  }

  private int size() {
    return parameter.size();
  }

  private double[] host() {
    if (host == null) {
      host = values.toDoubleArray();
    }
    return host;
  }

  /** The float32 values as they are (half the memory of {@link #host}), or null for float64. */
  private float[] hostFloats() {
    if (hostFloats == null && values.dtype() == org.cockpit4j.tensor.DType.FLOAT32) {
      hostFloats = values.toFloatArray();
    }
    return hostFloats;
  }

  private Tensor matrix() {
    return values.reshape(batchSize(), size());
  }

  @Override
  public Tensor materialize() {
    return values.reshape(parameter.shape().prepend(batchSize())).copy();
  }

  @Override
  public double[] histogram(HistogramBins bins) {
    int batch = batchSize();
    int size = size();
    float[] floats = hostFloats();
    if (floats != null) {
      return SampleChunks.countDoubles(
          batch,
          bins.count(),
          (from, to, counts) ->
              HistogramKernels.dense(floats, from * size, to * size, batch, bins, counts));
    }
    double[] values = host();
    return SampleChunks.countDoubles(
        batch,
        bins.count(),
        (from, to, counts) ->
            HistogramKernels.dense(values, from * size, to * size, batch, bins, counts));
  }

  @Override
  public long[] histogram2d(HistogramBins gradientBins, HistogramBins parameterBins) {
    int[] thetaBins =
        HistogramKernels.parameterBins(parameter.value().toDoubleArray(), parameterBins);
    double[] values = host();
    int batch = batchSize();
    return SampleChunks.countLongs(
        batch,
        gradientBins.count() * parameterBins.count(),
        (from, to, counts) ->
            HistogramKernels.dense2d(
                values,
                from,
                to,
                size(),
                thetaBins,
                batch,
                gradientBins,
                parameterBins.count(),
                counts));
  }

  @Override
  public double absMax() {
    double max = 0;
    for (double value : host()) {
      max = Math.max(max, Math.abs(value));
    }
    return batchSize() * max;
  }

  @Override
  public double[] projectOntoSum() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor matrix = matrix();
      Tensor sum = matrix.sum(0).reshape(size(), 1);
      return matrix.matmul(sum).toDoubleArray();
    }
  }

  @Override
  public double[] project(ParameterDirection direction) {
    return project(matrix(), direction, size());
  }

  static double[] project(Tensor matrix, ParameterDirection direction, int size) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor dense;
      if (direction instanceof ParameterDirection.OuterProductSum factors) {
        dense = factors.toDense();
      } else {
        dense = ((ParameterDirection.Dense) direction).values();
      }
      if (dense.size() != size) {
        throw new IllegalArgumentException(
            "A direction of shape " + dense.shape() + " does not fit a parameter of size " + size);
      }
      return matrix.matmul(dense.reshape(size, 1)).toDoubleArray();
    }
  }

  @Override
  public ParameterDirection sum(double scale) {
    try (TensorScope scope = TensorScope.open()) {
      Shape shape = parameter.shape();
      Tensor sum = matrix().sum(0).reshape(shape);
      Tensor scaled = scale == 1.0 ? sum : sum.multiply(scale);
      return ParameterDirection.dense(TensorScope.detach(scope.keep(scaled)));
    }
  }

  @Override
  public RetainedGradients retain() {
    Tensor kept = OuterProductGradients.view(matrix());
    int size = size();
    return new RetainedGradients() {
      @Override
      public double[] project(ParameterDirection direction) {
        return DenseGradients.project(kept, direction, size);
      }

      @Override
      public void close() {
        kept.close();
      }
    };
  }
}
