package org.cockpit4j.examples.experiment.data;

import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.examples.experiment.config.OptionReader;
import org.cockpit4j.tensor.Shape;

/**
 * {@code noisy_quadratic}: the noisy quadratic {@code ℓ(θ; x) = (1/D)‖θ − x‖²} (Hessian {@code
 * (2/D)·I}, the identity for D = 2) with noise samples {@code x = center + σ·ε}, {@code ε ~ N(0,
 * I)}, written as a regression problem a layer list can train: every input is the constant {@code
 * [1]}, every target is one noise sample {@code x} of shape {@code [D]}, and the model {@code
 * [{type: linear, in: 1, out: D, bias: false}]} with loss {@code mse} makes θ the weight column.
 * The minimum of the expected loss is θ = center.
 *
 * <p>Options {@code dimension} (2), {@code noise_std} (1.0), {@code center} (0; a number or a list
 * of D numbers), {@code samples} (1000), {@code valid_samples} (0), {@code seed}. Noise entry k is
 * {@code CounterRandom.normal(mix(seed, 11), k)}.
 */
public final class NoisyQuadraticDataset implements DatasetProvider {

  @Override
  public String name() {
    return "noisy_quadratic";
  }

  @Override
  public String description() {
    return "noisy quadratic (1/D)|theta - x|^2 as regression of x on a constant input; options"
        + " dimension (2), noise_std (1.0), center (0), samples (1000), valid_samples (0), seed";
  }

  @Override
  public DataShape shape(OptionReader options) {
    Settings settings = read(options, 0);
    return DataShape.regression(Shape.of(1), Shape.of(settings.dimension));
  }

  @Override
  public DataSplits load(OptionReader options, long seed) {
    Settings settings = read(options, seed);
    int total = settings.samples + settings.valid;
    int dimension = settings.dimension;
    double[] inputs = new double[total];
    java.util.Arrays.fill(inputs, 1.0);
    double[] targets = new double[total * dimension];
    long stream = CounterRandom.mix(settings.seed, 11);
    for (int k = 0; k < targets.length; k++) {
      targets[k] =
          settings.center[k % dimension] + settings.noiseStd * CounterRandom.normal(stream, k);
    }
    ArrayDataset all = ArrayDataset.adopt(inputs, Shape.of(1), targets, Shape.of(dimension), 0);
    return Splits.firstAndRest(all, settings.samples, settings.valid);
  }

  private record Settings(
      int dimension, double noiseStd, double[] center, int samples, int valid, long seed) {}

  private static Settings read(OptionReader options, long seed) {
    int dimension = options.integer("dimension", 2, 1);
    double noiseStd = options.number("noise_std", 1.0);
    double[] center = options.numbers("center", dimension, new double[dimension]);
    int samples = options.integer("samples", 1000, 1);
    int valid = options.integer("valid_samples", 0, 0);
    long dataSeed = options.integer("seed", (int) seed);
    options.requireAllRead();
    if (noiseStd < 0) {
      throw options.invalid(
          "noise_std", "the noise standard deviation must be >= 0, got " + noiseStd, "e.g. 1.0");
    }
    return new Settings(dimension, noiseStd, center, samples, valid, dataSeed);
  }
}
