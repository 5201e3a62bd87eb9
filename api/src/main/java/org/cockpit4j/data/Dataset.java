package org.cockpit4j.data;

import org.cockpit4j.tensor.Shape;

/**
 * A finite in-memory dataset of samples with a fixed per-sample input shape. Values are held on the
 * host as doubles and moved to a backend batch by batch.
 */
public interface Dataset {

  /** Number of samples. */
  int size();

  /** Per-sample input shape, e.g. {@code [1, 28, 28]}. */
  Shape inputShape();

  /** Number of classes for classification, or 0 for regression. */
  int classes();

  /** Per-sample target shape: {@code []} for a class index, {@code [D]} for regression. */
  Shape targetShape();

  /** Copies sample {@code index}'s input (row-major) into {@code destination} at {@code offset}. */
  void copyInput(int index, double[] destination, int offset);

  /** Copies sample {@code index}'s target (class index as a double, or D values). */
  void copyTarget(int index, double[] destination, int offset);

  /** True for a classification dataset ({@link #classes()} {@code > 0}). */
  default boolean isClassification() {
    return classes() > 0;
  }

  /** Number of input values per sample (the product of {@link #inputShape()}). */
  default int inputSize() {
    return inputShape().sizeAsInt();
  }

  /** Number of target values per sample (1 for a class index). */
  default int targetSize() {
    return targetShape().sizeAsInt();
  }
}
