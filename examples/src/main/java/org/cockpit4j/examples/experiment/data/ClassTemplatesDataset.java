package org.cockpit4j.examples.experiment.data;

import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.examples.experiment.config.OptionReader;
import org.cockpit4j.tensor.Shape;

/**
 * {@code class_templates}: a small learnable image task with pixels in [0, 1] like normalised 8-bit
 * images. Each class has a template image with pixels {@code U[0, 1)}; a sample is its class's
 * template plus {@code noise_std·N(0, 1)} per pixel, clamped to [0, 1]. Labels cycle through the
 * classes in a seeded random order. Options {@code shape} ([1, 8, 8]), {@code classes} (4), {@code
 * samples} (512), {@code valid_samples} (256), {@code noise_std} (0.3), {@code seed}. Streams:
 * templates {@code mix(seed, 21)}, labels {@code mix(seed, 22)}, noise {@code mix(seed, 23)}.
 */
public final class ClassTemplatesDataset implements DatasetProvider {

  @Override
  public String name() {
    return "class_templates";
  }

  @Override
  public String description() {
    return "noisy copies of one random [0,1] template per class; options shape ([1, 8, 8]),"
        + " classes (4), samples (512), valid_samples (256), noise_std (0.3), seed";
  }

  @Override
  public DataShape shape(OptionReader options) {
    Settings settings = read(options, 0);
    return DataShape.classification(settings.shape, settings.classes);
  }

  @Override
  public DataSplits load(OptionReader options, long seed) {
    Settings settings = read(options, seed);
    int pixels = settings.shape.sizeAsInt();
    int total = settings.samples + settings.valid;
    double[] templates = new double[settings.classes * pixels];
    long templateStream = CounterRandom.mix(settings.seed, 21);
    for (int k = 0; k < templates.length; k++) {
      templates[k] = CounterRandom.uniform(templateStream, k);
    }
    long labelStream = CounterRandom.mix(settings.seed, 22);
    long noiseStream = CounterRandom.mix(settings.seed, 23);
    double[] inputs = new double[total * pixels];
    int[] labels = new int[total];
    for (int n = 0; n < total; n++) {
      int label = (int) (settings.classes * CounterRandom.uniform(labelStream, n));
      labels[n] = Math.min(label, settings.classes - 1);
      for (int p = 0; p < pixels; p++) {
        double value =
            templates[labels[n] * pixels + p]
                + settings.noiseStd * CounterRandom.normal(noiseStream, (long) n * pixels + p);
        inputs[n * pixels + p] = Math.max(0.0, Math.min(1.0, value));
      }
    }
    ArrayDataset all =
        ArrayDataset.classification(inputs, settings.shape, labels, settings.classes);
    return Splits.firstAndRest(all, settings.samples, settings.valid);
  }

  private record Settings(
      Shape shape, int classes, int samples, int valid, double noiseStd, long seed) {}

  private static Settings read(OptionReader options, long seed) {
    int[] dims = options.integers("shape", new int[] {1, 8, 8});
    int classes = options.integer("classes", 4, 2);
    int samples = options.integer("samples", 512, 1);
    int valid = options.integer("valid_samples", 256, 0);
    double noiseStd = options.number("noise_std", 0.3);
    long dataSeed = options.integer("seed", (int) seed);
    options.requireAllRead();
    for (int dim : dims) {
      if (dim < 1) {
        throw options.invalid(
            "shape",
            "every extent of the shape must be positive, got " + java.util.Arrays.toString(dims),
            "e.g. shape: [1, 8, 8]");
      }
    }
    if (noiseStd < 0) {
      throw options.invalid(
          "noise_std", "the noise standard deviation must be >= 0, got " + noiseStd, "e.g. 0.3");
    }
    return new Settings(Shape.of(dims), classes, samples, valid, noiseStd, dataSeed);
  }
}
