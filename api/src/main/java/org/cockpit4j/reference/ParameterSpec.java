package org.cockpit4j.reference;

import org.cockpit4j.tensor.Shape;

/**
 * One entry of {@code parameters}: a parameter tensor in {@code model.parameters()} order.
 *
 * @param name PyTorch name, e.g. {@code 1.weight}
 * @param layer index into {@code model.layers}
 * @param kind {@code weight} or {@code bias}
 * @param shape the tensor's shape
 * @param numel number of elements (= product of the shape)
 */
public record ParameterSpec(String name, int layer, String kind, Shape shape, int numel) {

  static ParameterSpec parse(JsonCursor cursor, int layerCount) {
    JsonCursor layerCursor = cursor.field("layer");
    int layer = layerCursor.asInt();
    if (layer < 0 || layer >= layerCount) {
      throw layerCursor.error("a layer index in [0, " + layerCount + ")");
    }
    Shape shape = Shape.of(cursor.field("shape").asIntArray());
    JsonCursor numelCursor = cursor.field("numel");
    int numel = numelCursor.asInt();
    if (numel != shape.size()) {
      throw numelCursor.error("prod(shape " + shape + ") = " + shape.size());
    }
    return new ParameterSpec(
        cursor.field("name").asString(), layer, cursor.field("kind").asString(), shape, numel);
  }
}
