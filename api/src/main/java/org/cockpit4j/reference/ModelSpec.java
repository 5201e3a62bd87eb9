package org.cockpit4j.reference;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.tensor.Shape;

/**
 * The {@code model} object: a sequential network.
 *
 * @param inputShape per-sample input shape (a batch is {@code [N] + inputShape})
 * @param outputDim number of network outputs (classes, or regression targets)
 * @param layers the layers in order
 */
public record ModelSpec(Shape inputShape, int outputDim, List<LayerSpec> layers) {

  /** Copies the layer list (read-only). */
  public ModelSpec {
    layers = List.copyOf(layers);
  }

  static ModelSpec parse(JsonCursor cursor) {
    Shape inputShape = Shape.of(cursor.field("input_shape").asIntArray());
    int outputDim = cursor.field("output_dim").asInt();
    List<LayerSpec> layers = new ArrayList<>();
    for (JsonCursor layer : cursor.field("layers").elements()) {
      layers.add(LayerSpec.parse(layer));
    }
    return new ModelSpec(inputShape, outputDim, layers);
  }
}
