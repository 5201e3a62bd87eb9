package org.cockpit4j.data.synthetic;

import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.tensor.Shape;

/**
 * A noisy quadratic problem: per-sample loss {@code ℓ(θ; x) = ½ (θ − x)ᵀ H (θ − x)} with a fixed
 * symmetric positive semi-definite Hessian {@code H} (D×D) and noise samples {@code x ~ N(0, σ²
 * I)}.
 *
 * <p><b>How it is used.</b> The "model" is the parameter vector θ itself (no layers): a mini-batch
 * of noise vectors {@code x_n} gives {@code L(θ) = (1/N) Σ_n ℓ(θ; x_n)}, per-sample gradients
 * {@code g_n = H (θ − x_n)}, and the Hessian of L is exactly H at every θ (so Hessian-based
 * quantities have closed forms). The expected loss is {@code ½ θᵀHθ + ½ σ² tr(H)}, minimised at θ =
 * 0. In the {@link #dataset()} each sample's input <i>and</i> regression target are the same noise
 * vector {@code x} (shape {@code [D]}), so a model may read either.
 */
public final class NoisyQuadratic {
  /** Stream id (mixed into the seed) of the noise samples. */
  static final long NOISE_STREAM = 1;

  private final int dimension;
  private final double[] hessian;
  private final double noiseStd;
  private final double[] noise;

  /**
   * Draws {@code samples} noise vectors {@code x_n[i] = noiseStd · CounterRandom.normal(mix(seed,
   * 1), n·D + i)}.
   *
   * @param hessian D×D row-major, must be symmetric
   */
  public NoisyQuadratic(double[] hessian, int dimension, double noiseStd, int samples, long seed) {
    if (dimension <= 0 || hessian.length != dimension * dimension) {
      throw new IllegalArgumentException(
          "Hessian must hold " + dimension + "x" + dimension + " values, got " + hessian.length);
    }
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j < i; j++) {
        if (hessian[i * dimension + j] != hessian[j * dimension + i]) {
          throw new IllegalArgumentException("Hessian is not symmetric at (" + i + ", " + j + ")");
        }
      }
    }
    if (samples <= 0 || noiseStd < 0) {
      throw new IllegalArgumentException(
          "Need samples > 0 and noiseStd >= 0, got " + samples + " and " + noiseStd);
    }
    this.dimension = dimension;
    this.hessian = hessian.clone();
    this.noiseStd = noiseStd;
    this.noise = new double[samples * dimension];
    long stream = CounterRandom.mix(seed, NOISE_STREAM);
    for (int k = 0; k < noise.length; k++) {
      noise[k] = noiseStd * CounterRandom.normal(stream, k);
    }
  }

  /** D, the number of parameters. */
  public int dimension() {
    return dimension;
  }

  /** H, D×D row-major (a copy). */
  public double[] hessian() {
    return hessian.clone();
  }

  /** σ, the standard deviation of every noise component. */
  public double noiseStd() {
    return noiseStd;
  }

  /** Number of noise samples. */
  public int samples() {
    return noise.length / dimension;
  }

  /** The noise samples as a regression dataset: input = target = x, shape {@code [D]}. */
  public ArrayDataset dataset() {
    return ArrayDataset.regression(noise, Shape.of(dimension), noise, Shape.of(dimension));
  }

  /** {@code ½ (θ − x)ᵀ H (θ − x)} for one sample. */
  public double loss(double[] theta, double[] x) {
    double[] difference = difference(theta, x);
    double[] product = multiplyHessian(difference);
    double sum = 0;
    for (int i = 0; i < dimension; i++) {
      sum += difference[i] * product[i];
    }
    return 0.5 * sum;
  }

  /** {@code H (θ − x)}, the gradient of {@link #loss} with respect to θ. */
  public double[] gradient(double[] theta, double[] x) {
    return multiplyHessian(difference(theta, x));
  }

  /** {@code E_x ℓ(θ; x) = ½ θᵀHθ + ½ σ² tr(H)}. */
  public double expectedLoss(double[] theta) {
    double trace = 0;
    for (int i = 0; i < dimension; i++) {
      trace += hessian[i * dimension + i];
    }
    return loss(theta, new double[dimension]) + 0.5 * noiseStd * noiseStd * trace;
  }

  private double[] difference(double[] theta, double[] x) {
    if (theta.length != dimension || x.length != dimension) {
      throw new IllegalArgumentException(
          "θ and x must have " + dimension + " entries, got " + theta.length + " and " + x.length);
    }
    double[] difference = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      difference[i] = theta[i] - x[i];
    }
    return difference;
  }

  private double[] multiplyHessian(double[] vector) {
    double[] result = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      double sum = 0;
      for (int j = 0; j < dimension; j++) {
        sum += hessian[i * dimension + j] * vector[j];
      }
      result[i] = sum;
    }
    return result;
  }
}
