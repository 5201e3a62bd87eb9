package org.cockpit4j.examples.experiment.data;

import org.cockpit4j.tensor.Shape;

/**
 * The per-sample shapes of a dataset.
 *
 * @param inputShape per-sample input shape, e.g. {@code [1, 28, 28]}
 * @param targetShape {@code []} for class indices, {@code [D]} for regression targets
 * @param classes number of classes, 0 for regression
 */
public record DataShape(Shape inputShape, Shape targetShape, int classes) {

  /** A classification dataset. */
  public static DataShape classification(Shape inputShape, int classes) {
    return new DataShape(inputShape, Shape.scalar(), classes);
  }

  /** A regression dataset. */
  public static DataShape regression(Shape inputShape, Shape targetShape) {
    return new DataShape(inputShape, targetShape, 0);
  }

  /** Whether the targets are class indices. */
  public boolean isClassification() {
    return classes > 0;
  }
}
