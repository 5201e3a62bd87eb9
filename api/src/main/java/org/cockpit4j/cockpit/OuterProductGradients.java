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
 * The per-sample gradients of a linear weight {@code [O, I]}: the outer products {@code G_n = δ_n
 * x_nᵀ} of the output gradient {@code δ [N, O]} (which holds the mean's 1/N) and the input {@code x
 * [N, I]}. Nothing of size {@code N·O·I} is formed: projections and Gram terms use the factors
 * ({@code ⟨δ_n x_nᵀ, u vᵀ⟩ = (δ_n·u)(x_n·v)}), histograms the sorted inputs ({@link
 * HistogramKernels}).
 */
public final class OuterProductGradients implements PerSampleGradients {
  private final Parameter parameter;
  private final Tensor delta;
  private final Tensor input;
  private double[] deltaHost;
  private double[] inputHost;

  /**
   * A view over {@code delta [N, O]} and {@code input [N, I]} for {@code weight [O, I]}; the
   * tensors stay the caller's.
   */
  public OuterProductGradients(Parameter weight, Tensor delta, Tensor input) {
    Shape shape = weight.shape();
    if (delta.rank() != 2
        || input.rank() != 2
        || delta.dim(0) != input.dim(0)
        || shape.rank() != 2
        || shape.dim(0) != delta.dim(1)
        || shape.dim(1) != input.dim(1)) {
      throw new IllegalArgumentException(
          "Outer-product gradients need δ [N, O] and x [N, I] for a weight [O, I]; got δ "
              + delta.shape()
              + ", x "
              + input.shape()
              + ", weight "
              + shape);
    }
    this.parameter = weight;
    this.delta = delta;
    this.input = input;
  }

  @Override
  public Parameter parameter() {
    return parameter;
  }

  @Override
  public int batchSize() {
    return delta.dim(0);
  }

  private int outputs() {
    return delta.dim(1);
  }

  private int inputs() {
    return input.dim(1);
  }

  private double[] deltaHost() {
    if (deltaHost == null) {
      deltaHost = delta.toDoubleArray();
    }
    return deltaHost;
  }

  private double[] inputHost() {
    if (inputHost == null) {
      inputHost = input.toDoubleArray();
    }
    return inputHost;
  }

  @Override
  public Tensor materialize() {
    int batch = batchSize();
    try (TensorScope scope = TensorScope.open()) {
      Tensor columns = delta.reshape(batch, outputs(), 1);
      Tensor rows = input.reshape(batch, 1, inputs());
      return scope.keep(columns.multiply(rows));
    }
  }

  @Override
  public double[] histogram(HistogramBins bins) {
    double[] d = deltaHost();
    double[] x = inputHost();
    int batch = batchSize();
    return SampleChunks.countDoubles(
        batch,
        bins.count(),
        (from, to, counts) ->
            HistogramKernels.outerProduct(
                d, x, from, to, outputs(), inputs(), batch, bins, counts));
  }

  @Override
  public long[] histogram2d(HistogramBins gradientBins, HistogramBins parameterBins) {
    int[] thetaBins =
        HistogramKernels.parameterBins(parameter.value().toDoubleArray(), parameterBins);
    double[] d = deltaHost();
    double[] x = inputHost();
    int batch = batchSize();
    return SampleChunks.countLongs(
        batch,
        gradientBins.count() * parameterBins.count(),
        (from, to, counts) ->
            HistogramKernels.outerProduct2d(
                d,
                x,
                from,
                to,
                outputs(),
                inputs(),
                thetaBins,
                batch,
                gradientBins,
                parameterBins.count(),
                counts));
  }

  @Override
  public double absMax() {
    double[] d = deltaHost();
    double[] x = inputHost();
    int batch = batchSize();
    double max = 0;
    for (int n = 0; n < batch; n++) {
      double deltaMax = 0;
      for (int o = 0; o < outputs(); o++) {
        deltaMax = Math.max(deltaMax, Math.abs(d[n * outputs() + o]));
      }
      double inputMax = 0;
      for (int i = 0; i < inputs(); i++) {
        inputMax = Math.max(inputMax, Math.abs(x[n * inputs() + i]));
      }
      max = Math.max(max, batch * (deltaMax * inputMax));
    }
    return max;
  }

  @Override
  public double[] projectOntoSum() {
    return projectOntoFactors(delta, input, 1.0);
  }

  @Override
  public double[] project(ParameterDirection direction) {
    return project(delta, input, direction);
  }

  /** {@code ⟨δ_n x_nᵀ, d⟩} for every n. */
  static double[] project(Tensor delta, Tensor input, ParameterDirection direction) {
    if (direction instanceof ParameterDirection.OuterProductSum factors) {
      return projectOntoFactors(factors.left(), factors.right(), factors.scale(), delta, input);
    }
    ParameterDirection.Dense dense = (ParameterDirection.Dense) direction;
    try (TensorScope scope = TensorScope.open()) {
      Tensor mapped = input.matmul(dense.values(), false, true); // [N, O] = x Dᵀ
      return mapped.multiply(delta).sum(1).toDoubleArray();
    }
  }

  private static double[] projectOntoFactors(Tensor left, Tensor right, double scale) {
    return projectOntoFactors(left, right, scale, left, right);
  }

  /** {@code scale·Σ_m (δ_n·u_m)(x_n·v_m)} for every n. */
  private static double[] projectOntoFactors(
      Tensor left, Tensor right, double scale, Tensor delta, Tensor input) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor deltaTerms = delta.matmul(left, false, true); // [N, M]
      Tensor inputTerms = input.matmul(right, false, true); // [N, M]
      double[] projections = deltaTerms.multiply(inputTerms).sum(1).toDoubleArray();
      if (scale != 1.0) {
        for (int n = 0; n < projections.length; n++) {
          projections[n] *= scale;
        }
      }
      return projections;
    }
  }

  @Override
  public ParameterDirection sum(double scale) {
    return new ParameterDirection.OuterProductSum(view(delta), view(input), scale);
  }

  @Override
  public RetainedGradients retain() {
    Tensor keptDelta = view(delta);
    Tensor keptInput = view(input);
    return new RetainedGradients() {
      @Override
      public double[] project(ParameterDirection direction) {
        return OuterProductGradients.project(keptDelta, keptInput, direction);
      }

      @Override
      public void close() {
        keptDelta.close();
        keptInput.close();
      }
    };
  }

  /** A view sharing the (immutable) buffer, owned by the caller rather than any open scope. */
  static Tensor view(Tensor tensor) {
    return TensorScope.detach(tensor.reshape(tensor.shape()));
  }
}
