package org.cockpit4j.examples.experiment.data;

import java.nio.file.Path;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.examples.data.FashionMnist;
import org.cockpit4j.examples.experiment.config.OptionReader;
import org.cockpit4j.tensor.Shape;

/**
 * {@code fashion_mnist}: the 60,000 Fashion-MNIST training images, pixels in [0, 1], split into
 * {@code train_size} training images (default 50,000, the first ones) and {@code valid_size}
 * validation images (default 10,000, the last ones), as DeepOBS splits it. Option {@code
 * directory}: where the IDX files are (default: searched, see {@link FashionMnist}).
 */
public final class FashionMnistDataset implements DatasetProvider {
  private static final int TOTAL = 60_000;

  @Override
  public String name() {
    return "fashion_mnist";
  }

  @Override
  public String description() {
    return "Fashion-MNIST 28x28 grey images, 10 classes; options directory (searched),"
        + " train_size (50000), valid_size (10000)";
  }

  @Override
  public DataShape shape(OptionReader options) {
    read(options);
    return DataShape.classification(Shape.of(1, FashionMnist.SIDE, FashionMnist.SIDE), 10);
  }

  @Override
  public DataSplits load(OptionReader options, long seed) {
    Settings settings = read(options);
    ArrayDataset all = FashionMnist.load(FashionMnist.Split.TRAIN, settings.directory);
    ArrayDataset train = all.slice(0, settings.trainSize);
    ArrayDataset valid =
        settings.validSize == 0 ? null : all.slice(all.size() - settings.validSize, all.size());
    return new DataSplits(train, valid);
  }

  private record Settings(Path directory, int trainSize, int validSize) {}

  private static Settings read(OptionReader options) {
    String directory = options.text("directory", null);
    int trainSize = options.integer("train_size", 50_000, 1);
    int validSize = options.integer("valid_size", 10_000, 0);
    options.requireAllRead();
    if (trainSize + validSize > TOTAL) {
      throw options.invalid(
          "valid_size",
          "train_size + valid_size = "
              + (trainSize + validSize)
              + " exceeds the "
              + TOTAL
              + " training images",
          "make them add up to at most " + TOTAL + ", e.g. train_size: 50000, valid_size: 10000");
    }
    return new Settings(directory == null ? null : Path.of(directory), trainSize, validSize);
  }
}
