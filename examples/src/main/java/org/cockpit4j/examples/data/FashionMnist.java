package org.cockpit4j.examples.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cockpit4j.data.ArrayDataset;

/**
 * Fashion-MNIST (Zalando; 28×28 grey-scale images of 10 kinds of clothing; 60,000 training and
 * 10,000 test images) from its IDX files.
 *
 * <p>Where the files are looked for, in order:
 *
 * <ol>
 *   <li>the directory the user gave ({@code --data DIR}); when given, it is the only place tried;
 *   <li>the directory in the environment variable {@value #ENVIRONMENT};
 *   <li>{@value #DEBIAN_DIRECTORY}, where Debian's {@code dataset-fashion-mnist} package puts them.
 * </ol>
 *
 * The first directory that holds any file of the split is used; files may be gzip-compressed
 * ({@code train-images-idx3-ubyte.gz}) or plain ({@code train-images-idx3-ubyte}). When nothing
 * usable is found the {@link DataUnavailableException} names every path tried, what was wrong, and
 * how to get the data.
 */
public final class FashionMnist {
  /** Environment variable naming a directory with the IDX files. */
  public static final String ENVIRONMENT = "COCKPIT4J_FASHION_MNIST";

  /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
  public static final String DEBIAN_DIRECTORY = "/usr/share/datasets/fashion-mnist";

  /** Number of classes. */
  public static final int CLASSES = 10;

  /** Image height and width. */
  public static final int SIDE = 28;

  /** The class names, by label. */
  public static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  private static final String HOW_TO_GET =
      "Get the data with `apt-get install dataset-fashion-mnist` (Debian/Ubuntu; installs "
          + DEBIAN_DIRECTORY
          + "), or download the four IDX files (train-images-idx3-ubyte.gz,"
          + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)"
          + " from https://github.com/zalandoresearch/fashion-mnist into a directory and pass"
          + " --data DIR (or set "
          + ENVIRONMENT
          + "=DIR).";

  /** The two splits and their file-name prefixes. */
  public enum Split {
    /** 60,000 training images ({@code train-*}). */
    TRAIN("train"),
    /** 10,000 test images ({@code t10k-*}). */
    TEST("t10k");

    private final String prefix;

    Split(String prefix) {
      this.prefix = prefix;
    }

    /** The file-name prefix ({@code train}, {@code t10k}). */
    public String prefix() {
      return prefix;
    }

    /** Parses {@code train}, {@code test} or {@code t10k} (case-insensitive). */
    public static Split parse(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      switch (lower) {
        case "train":
          return TRAIN;
        case "test":
        case "t10k":
          return TEST;
        default:
          throw new IllegalArgumentException(
              "Unknown Fashion-MNIST split '" + name + "'; use train or test");
      }
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private FashionMnist() {}

  /** Loads a split with pixels scaled to [0, 1]; {@code directory} may be null (search). */
  public static ArrayDataset load(Split split, Path directory) {
    return load(split, directory, PixelScale.UNIT);
  }

  /** Loads a split with the given pixel scaling; {@code directory} may be null (search). */
  public static ArrayDataset load(Split split, Path directory, PixelScale scale) {
    return load(
        split, directory, scale, System.getenv(ENVIRONMENT), List.of(Paths.get(DEBIAN_DIRECTORY)));
  }

  /**
   * The search with its inputs explicit (for tests).
   *
   * @param environmentValue the value of {@value #ENVIRONMENT}, or null
   * @param knownDirectories the system directories searched last
   */
  static ArrayDataset load(
      Split split,
      Path directory,
      PixelScale scale,
      String environmentValue,
      List<Path> knownDirectories) {
    List<String> tried = new ArrayList<>();
    List<Path> candidates = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    if (directory != null) {
      candidates.add(directory);
      origins.add("given directory ");
    } else {
      if (environmentValue != null && !environmentValue.isBlank()) {
        candidates.add(Paths.get(environmentValue));
        origins.add("$" + ENVIRONMENT + " directory ");
      } else {
        tried.add("$" + ENVIRONMENT + ": not set");
      }
      for (Path known : knownDirectories) {
        candidates.add(known);
        origins.add("");
      }
    }
    for (int c = 0; c < candidates.size(); c++) {
      Path candidate = candidates.get(c);
      String label = origins.get(c) + candidate.toAbsolutePath().normalize();
      if (!Files.isDirectory(candidate)) {
        tried.add(label + ": " + (Files.exists(candidate) ? "not a directory" : "does not exist"));
        if (directory != null) {
          for (Path known : knownDirectories) {
            if (find(known, split.prefix() + "-images-idx3-ubyte") != null) {
              tried.add("(" + known + " has the files: omit --data to use them)");
            }
          }
        }
        continue;
      }
      Path images = find(candidate, split.prefix() + "-images-idx3-ubyte");
      Path labels = find(candidate, split.prefix() + "-labels-idx1-ubyte");
      if (images == null && labels == null) {
        tried.add(
            label
                + ": no "
                + split.prefix()
                + "-images-idx3-ubyte[.gz] or "
                + split.prefix()
                + "-labels-idx1-ubyte[.gz]");
        continue;
      }
      if (images == null || labels == null) {
        String missing =
            images == null
                ? split.prefix() + "-images-idx3-ubyte[.gz]"
                : split.prefix() + "-labels-idx1-ubyte[.gz]";
        tried.add(label + ": " + missing + " is missing (the other file of the split is there)");
        throw unavailable(split, tried, null);
      }
      try {
        ArrayDataset dataset = IdxReader.readDataset(images, labels, CLASSES, scale);
        if (dataset.inputShape().dim(1) != SIDE || dataset.inputShape().dim(2) != SIDE) {
          throw new IdxFormatException(
              images,
              "holds images of "
                  + dataset.inputShape().dim(1)
                  + "x"
                  + dataset.inputShape().dim(2)
                  + ", expected "
                  + SIDE
                  + "x"
                  + SIDE);
        }
        return dataset;
      } catch (IdxFormatException e) {
        tried.add(label + ": " + e.getMessage());
        throw unavailable(split, tried, e);
      }
    }
    throw unavailable(split, tried, null);
  }

  /** The gzip or plain file of {@code base} in {@code directory}, or null. */
  private static Path find(Path directory, String base) {
    for (String name : List.of(base + ".gz", base)) {
      Path file = directory.resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  private static DataUnavailableException unavailable(
      Split split, List<String> tried, Throwable cause) {
    StringBuilder message =
        new StringBuilder("Cannot load Fashion-MNIST (" + split + " split). Tried:");
    for (String line : tried) {
      message.append("\n  - ").append(line);
    }
    message.append("\n").append(HOW_TO_GET);
    return new DataUnavailableException(message.toString(), cause);
  }
}
