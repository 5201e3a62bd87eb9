package org.cockpit4j.nn.models;

import org.cockpit4j.nn.Sequential;
import org.cockpit4j.tensor.Shape;

/**
 * A named network with its published per-sample input shape.
 *
 * @param name the DeepOBS problem name, e.g. {@code mnist_mlp}
 * @param inputShape per-sample input shape, e.g. {@code [1, 28, 28]}
 * @param network the layers
 */
public record Model(String name, Shape inputShape, Sequential network) {

  /** Validates that the layers chain for the input shape. */
  public Model {
    network.outputShape(inputShape);
  }

  /** The per-sample output shape, e.g. {@code [10]}. */
  public Shape outputShape() {
    return network.outputShape(inputShape);
  }
}
