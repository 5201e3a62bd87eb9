package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.checkpoint.Checkpointable;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;

/**
 * A differentiable building block working on a batch (axis 0 is the sample axis). A layer keeps
 * what its backward pass and the backprop extensions need from the last forward pass (its input,
 * and where useful its output, a mask, pooling indices or the unfolded convolution input) until the
 * next forward pass, and exposes it through public accessors.
 *
 * <p>Lifetime: the cached tensors are the forward pass's own tensors (or views of them); run
 * forward and backward inside one {@link org.cockpit4j.tensor.TensorScope} and the caches die with
 * it. Layers never close tensors they did not create.
 *
 * <p>Parameters are created named by their kind ({@code weight}, {@code bias}); containers prepend
 * their path (see {@link Parameter#prependToName}).
 *
 * <p>Checkpoints: a layer's {@link Checkpointable} state is what it keeps between steps besides its
 * parameters (which the trainer saves), e.g. dropout's counter of random draws; the default is
 * none. Containers save their children's states.
 */
public interface Layer extends Checkpointable {

  /** The type name used in reference cases and YAML ({@code linear}, {@code conv2d}, ...). */
  String type();

  /** Trainable parameters in PyTorch order (weight, then bias); empty for parameter-free layers. */
  List<Parameter> parameters();

  /**
   * The per-sample output shape for a per-sample input shape (no batch axis); fails with an {@link
   * IllegalArgumentException} naming the layer, the expected and the actual shape, and the fix.
   */
  Shape outputShape(Shape inputShape);

  /** Computes the output for a batch {@code [N, ...]} and caches what backward needs. */
  Tensor forward(Tensor input);

  /**
   * Given dL/d(output) of the last forward pass, sets each parameter's gradient and returns
   * dL/d(input), or null when {@code inputGradientNeeded} is false and the layer could skip the
   * work (the first layer of a model: its input needs no gradient).
   */
  Tensor backward(Tensor outputGradient, boolean inputGradientNeeded);

  /**
   * Given dL/d(output) of the last forward pass, sets each parameter's gradient and returns
   * dL/d(input).
   */
  default Tensor backward(Tensor outputGradient) {
    return backward(outputGradient, true);
  }

  /**
   * Applies the transposed input Jacobian of the last forward pass, sample by sample, to a stack of
   * output-space tensors {@code S [..., N, *outputShape]} with any number of leading axes (for
   * example {@code [V, N, ...]}: the factors of a curvature backpropagation): {@code S_in[..., n] =
   * J_nᵀ S[..., n]}, shape {@code [..., N, *inputShape]}. Touches no parameter gradient. With no
   * leading axis this is the input gradient of {@link #backward}.
   */
  Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack);

  /**
   * Switches between training (the default) and evaluation behaviour; only layers such as dropout
   * behave differently. Containers pass it on to their children.
   */
  default void setTraining(boolean training) {}
}
