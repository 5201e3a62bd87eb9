package org.cockpit4j.examples.experiment.data;

import org.cockpit4j.data.synthetic.ScalarLinearData;
import org.cockpit4j.examples.experiment.config.OptionReader;
import org.cockpit4j.tensor.Shape;

/**
 * {@code scalar_linear}: pairs {@code (x, a·x + σ·ε)} with {@code x, ε ~ N(0, 1)} for a deep scalar
 * linear network (a chain of {@code {type: linear, in: 1, out: 1, bias: false}} layers, loss {@code
 * mse}), see {@link ScalarLinearData}. Options {@code samples} (64), {@code slope} (1.0), {@code
 * noise_std} (0.1), {@code valid_samples} (0), {@code seed}.
 */
public final class ScalarLinearDataset implements DatasetProvider {

  @Override
  public String name() {
    return "scalar_linear";
  }

  @Override
  public String description() {
    return "y = slope*x + noise for deep scalar linear nets; options samples (64), slope (1.0),"
        + " noise_std (0.1), valid_samples (0), seed";
  }

  @Override
  public DataShape shape(OptionReader options) {
    read(options, 0);
    return DataShape.regression(Shape.of(1), Shape.of(1));
  }

  @Override
  public DataSplits load(OptionReader options, long seed) {
    Settings settings = read(options, seed);
    return Splits.firstAndRest(
        ScalarLinearData.create(
            settings.samples + settings.valid, settings.slope, settings.noiseStd, settings.seed),
        settings.samples,
        settings.valid);
  }

  private record Settings(int samples, double slope, double noiseStd, int valid, long seed) {}

  private static Settings read(OptionReader options, long seed) {
    int samples = options.integer("samples", 64, 1);
    double slope = options.number("slope", 1.0);
    double noiseStd = options.number("noise_std", 0.1);
    int valid = options.integer("valid_samples", 0, 0);
    long dataSeed = options.integer("seed", (int) seed);
    options.requireAllRead();
    if (noiseStd < 0) {
      throw options.invalid(
          "noise_std", "the noise standard deviation must be >= 0, got " + noiseStd, "e.g. 0.1");
    }
    return new Settings(samples, slope, noiseStd, valid, dataSeed);
  }
}
