package org.cockpit4j.quantity;

import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;

/**
 * The per-sample gradients of one parameter while the backward pass is at its layer, as a {@link
 * GradientTransform} sees them. Scaling as the extensions' ({@link
 * org.cockpit4j.extension.Scaling}): {@code G_n = ∇ℓ_n / N}, so {@code Σ_n G_n} is the gradient.
 * Histograms and maxima refer to the true per-sample gradients {@code N·G_n} (the original's {@code
 * B·grad_batch}).
 *
 * <p>The implementation keeps the layer's compact form where there is one (a linear weight's
 * per-sample gradients are outer products {@code δ_n x_nᵀ}); every operation below avoids forming
 * the {@code [N, *shape]} tensor unless said otherwise. Valid only during {@link
 * GradientTransform#apply}.
 */
public interface PerSampleGradients {

  /** The parameter. */
  Parameter parameter();

  /** The batch size N. */
  int batchSize();

  /**
   * {@code G_n} as a tensor {@code [N, *shape]} in the current tensor scope. Costs {@code N} times
   * the parameter's memory: for tests and small layers.
   */
  Tensor materialize();

  /**
   * The histogram of the {@code N·D} values {@code N·G_n,j}, clamped to the range, with {@code
   * torch.histc}'s bin rule ({@link HistogramBins#clampedHistcIndex}); counts as doubles.
   */
  double[] histogram(HistogramBins bins);

  /**
   * The 2-D histogram of the pairs {@code (N·G_n,j, θ_j)} over every sample n and entry j, with
   * GradHist2d's centre-clamped rule on each axis ({@link HistogramBins#centreClampedIndex});
   * row-major {@code [gradientBins.count, parameterBins.count]}.
   */
  long[] histogram2d(HistogramBins gradientBins, HistogramBins parameterBins);

  /** {@code max_{n,j} |N·G_n,j|}. */
  double absMax();

  /** {@code ⟨G_n, Σ_m G_m⟩} for every sample n: the projections onto this batch's gradient. */
  double[] projectOntoSum();

  /** {@code ⟨G_n, d⟩} for every sample n. */
  double[] project(ParameterDirection direction);

  /**
   * {@code scale·Σ_n G_n} as a direction that outlives the pass (compact for a linear weight). The
   * caller closes it.
   */
  ParameterDirection sum(double scale);

  /** Keeps these per-sample gradients (compactly) for later projections. The caller closes them. */
  RetainedGradients retain();
}
