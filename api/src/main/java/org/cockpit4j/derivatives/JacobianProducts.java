package org.cockpit4j.derivatives;

import org.cockpit4j.nn.AvgPool2d;
import org.cockpit4j.nn.Dropout;
import org.cockpit4j.nn.Flatten;
import org.cockpit4j.nn.Identity;
import org.cockpit4j.nn.MaxPool2d;
import org.cockpit4j.ops.AveragePooling2d;
import org.cockpit4j.ops.MaxPooling2d;
import org.cockpit4j.tensor.Tensor;

/**
 * Input-Jacobian products {@code J R{x}} of the parameter-free layers that are linear given their
 * cached state of the last forward pass (pooling windows, arg-max positions, dropout masks): the
 * forward R-operator of these layers. Each returns a new tensor (possibly a view); a null direction
 * stands for zero and gives null.
 */
public final class JacobianProducts {
  private JacobianProducts() {}

  /** Max pooling at the cached arg-max positions. */
  public static Tensor maxPool2d(MaxPool2d layer, Tensor direction) {
    return direction == null ? null : MaxPooling2d.forward(direction, layer.indices());
  }

  /** Average pooling of the direction. */
  public static Tensor avgPool2d(AvgPool2d layer, Tensor direction) {
    return direction == null ? null : AveragePooling2d.forward(direction, layer.geometry());
  }

  /** The direction flattened to {@code [N, features]}. */
  public static Tensor flatten(Flatten layer, Tensor direction) {
    return direction == null ? null : direction.reshape(direction.dim(0), -1);
  }

  /** The direction times the cached scaled mask (or a view when the pass was the identity). */
  public static Tensor dropout(Dropout layer, Tensor direction) {
    if (direction == null) {
      return null;
    }
    Tensor mask = layer.mask();
    return mask == null ? direction.reshape(direction.shape()) : direction.multiply(mask);
  }

  /** A view of the direction. */
  public static Tensor identity(Identity layer, Tensor direction) {
    return direction == null ? null : direction.reshape(direction.shape());
  }
}
