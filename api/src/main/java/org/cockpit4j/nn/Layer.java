package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * A differentiable building block working on a batch (axis 0 is the sample axis). A layer keeps
 * what its backward pass and the backprop extensions need from the last forward pass (its input,
 * and where useful its output or a mask) until the next forward pass.
 */
public interface Layer {

  /** The type name used in reference cases and YAML ({@code linear}, {@code conv2d}, ...). */
  String type();

  /** Trainable parameters in PyTorch order (weight, then bias); empty for parameter-free layers. */
  List<Parameter> parameters();

  /**
   * The per-sample output shape for a per-sample input shape (no batch axis); fails with a message
   * naming both shapes when the input does not fit.
   */
  Shape outputShape(Shape inputShape);

  /** Computes the output for a batch {@code [N, ...]} and caches what backward needs. */
  Tensor forward(Tensor input);

  /**
   * Given dL/d(output) of the last forward pass, sets each parameter's gradient and returns
   * dL/d(input).
   */
  Tensor backward(Tensor outputGradient);
}
