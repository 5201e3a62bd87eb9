package org.cockpit4j.nn;

import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/** Checks shared by the layers: batch inputs and cached state of the last forward pass. */
final class LayerState {
  private LayerState() {}

  /** Returns {@code cached}, failing clearly when no forward pass has filled it yet. */
  static <T> T requireCached(T cached, String layerType, String what) {
    if (cached == null) {
      throw new IllegalStateException(
          layerType + " has no " + what + " yet: call forward before backward or the accessors");
    }
    return cached;
  }

  /** The per-sample shape of a batch {@code [N, ...]}, failing for a scalar. */
  static Shape perSampleShape(Tensor batch, String layerType) {
    if (batch.rank() == 0) {
      throw new IllegalArgumentException(
          layerType + " needs a batch [N, ...] with the sample axis first, got a scalar");
    }
    return batch.shape().dropFirst();
  }

  /** Fails unless {@code gradient} has the shape of the last output. */
  static void requireGradientShape(Tensor gradient, Shape outputShape, String layerType) {
    if (!gradient.shape().equals(outputShape)) {
      throw new IllegalArgumentException(
          layerType
              + " produced an output of shape "
              + outputShape
              + " in its last forward pass, but the output gradient has shape "
              + gradient.shape()
              + "; pass dL/d(output) of that forward pass");
    }
  }
}
