package org.cockpit4j.plugins.noisescale;

/**
 * The unbiased per-step estimates of {@link GradientNoiseScale}.
 *
 * @param trace S, the estimate of tr(Σ)
 * @param gradientNormSquared the estimate of ‖G‖²
 */
public record Estimates(double trace, double gradientNormSquared) {

  /**
   * The estimates of one batch.
   *
   * @param scaledSquaredNorms {@code ‖G_n‖²/B²} per sample (the {@code batch_l2} extension's
   *     scaling: per-sample gradients of the mean loss)
   * @param gradientNormSquared ‖g‖² of the mini-batch gradient
   */
  public static Estimates of(double[] scaledSquaredNorms, double gradientNormSquared) {
    int batch = scaledSquaredNorms.length;
    double sampleSquares = 0;
    for (double value : scaledSquaredNorms) {
      sampleSquares += value;
    }
    sampleSquares *= (double) batch * batch;
    double trace = (sampleSquares - batch * gradientNormSquared) / (batch - 1);
    double gradient = (batch * gradientNormSquared - sampleSquares / batch) / (batch - 1);
    return new Estimates(trace, gradient);
  }

  /** {@code S/|G|²} of this step alone. */
  public double noiseScale() {
    return trace / gradientNormSquared;
  }
}
