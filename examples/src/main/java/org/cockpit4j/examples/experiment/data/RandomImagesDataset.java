package org.cockpit4j.examples.experiment.data;

import org.cockpit4j.data.synthetic.RandomImages;
import org.cockpit4j.examples.experiment.config.OptionReader;
import org.cockpit4j.tensor.Shape;

/**
 * {@code random_images}: standard-normal pixels with uniformly random labels ({@link
 * RandomImages}): nothing to learn, the shape of a real image set, for speed measurements. Options
 * {@code shape} ([3, 32, 32]), {@code classes} (10), {@code samples} (512), {@code valid_samples}
 * (0), {@code seed} (the experiment's).
 */
public final class RandomImagesDataset implements DatasetProvider {

  @Override
  public String name() {
    return "random_images";
  }

  @Override
  public String description() {
    return "random normal images with random labels; options shape ([3, 32, 32]), classes (10),"
        + " samples (512), valid_samples (0), seed";
  }

  @Override
  public DataShape shape(OptionReader options) {
    Settings settings = read(options, 0);
    return DataShape.classification(settings.shape, settings.classes);
  }

  @Override
  public DataSplits load(OptionReader options, long seed) {
    Settings settings = read(options, seed);
    return Splits.firstAndRest(
        RandomImages.create(
            settings.shape, settings.classes, settings.samples + settings.valid, settings.seed),
        settings.samples,
        settings.valid);
  }

  private record Settings(Shape shape, int classes, int samples, int valid, long seed) {}

  private static Settings read(OptionReader options, long seed) {
    int[] dims = options.integers("shape", new int[] {3, 32, 32});
    int classes = options.integer("classes", 10, 1);
    int samples = options.integer("samples", 512, 1);
    int valid = options.integer("valid_samples", 0, 0);
    long dataSeed = options.integer("seed", (int) seed);
    options.requireAllRead();
    for (int dim : dims) {
      if (dim < 1) {
        throw options.invalid(
            "shape",
            "every extent of the shape must be positive, got " + java.util.Arrays.toString(dims),
            "e.g. shape: [3, 32, 32]");
      }
    }
    return new Settings(Shape.of(dims), classes, samples, valid, dataSeed);
  }
}
