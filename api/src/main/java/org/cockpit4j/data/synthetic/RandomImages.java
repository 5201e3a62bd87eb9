package org.cockpit4j.data.synthetic;

import org.cockpit4j.backend.CounterRandom;
import org.cockpit4j.data.ArrayDataset;
import org.cockpit4j.tensor.Shape;

/**
 * Random images with random labels: a stand-in with the shape of a real image data set (for speed
 * tests and smoke tests of image networks; there is nothing to learn). Pixels are standard normal
 * (like per-channel normalised images), labels uniform over the classes.
 */
public final class RandomImages {
  /** CIFAR-10's image shape {@code [3, 32, 32]}. */
  public static final Shape CIFAR10_SHAPE = Shape.of(3, 32, 32);

  /** CIFAR-10's number of classes. */
  public static final int CIFAR10_CLASSES = 10;

  private static final long PIXEL_STREAM = 1;
  private static final long LABEL_STREAM = 2;

  private RandomImages() {}

  /** {@code samples} CIFAR-10-shaped images ({@code [3, 32, 32]}, 10 classes). */
  public static ArrayDataset cifar10Shaped(int samples, long seed) {
    return create(CIFAR10_SHAPE, CIFAR10_CLASSES, samples, seed);
  }

  /**
   * {@code samples} images of {@code imageShape}: pixel k (over all samples, row-major) is {@code
   * normal(mix(seed, 1), k)}, label n is {@code ⌊classes · uniform(mix(seed, 2), n)⌋}.
   */
  public static ArrayDataset create(Shape imageShape, int classes, int samples, long seed) {
    if (samples <= 0 || classes <= 0) {
      throw new IllegalArgumentException(
          "Need samples > 0 and classes > 0, got " + samples + " and " + classes);
    }
    long pixelStream = CounterRandom.mix(seed, PIXEL_STREAM);
    long labelStream = CounterRandom.mix(seed, LABEL_STREAM);
    double[] pixels = new double[Math.multiplyExact(samples, imageShape.sizeAsInt())];
    for (int k = 0; k < pixels.length; k++) {
      pixels[k] = CounterRandom.normal(pixelStream, k);
    }
    double[] labels = new double[samples];
    for (int n = 0; n < samples; n++) {
      labels[n] = Math.floor(classes * CounterRandom.uniform(labelStream, n));
    }
    return ArrayDataset.adopt(pixels, imageShape, labels, Shape.scalar(), classes);
  }
}
