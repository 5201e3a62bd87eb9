package org.cockpit4j.ops;

import java.util.Collections;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * 2-D max pooling over NCHW tensors (as {@code torch.nn.MaxPool2d} with {@code ceil_mode=False}),
 * written as the backend's window arg-max followed by a gather; its backward pass (and the
 * transposed Jacobian applied to a stack of output-space tensors) is the matching scatter-add.
 *
 * <p>Indices are flat positions {@code h*W + w} within each (sample, channel) plane.
 */
public final class MaxPooling2d {
  private MaxPooling2d() {}

  /** For each window the flat index of its largest input element, shape {@code [N, C, Ho, Wo]}. */
  public static Tensor indices(Tensor input, ConvGeometry geometry) {
    Convolution2d.requireRank(input, 4, "max-pooling input");
    return input.backend().maxPoolIndices(input, geometry);
  }

  /** The pooled output {@code [N, C, Ho, Wo]}: {@code out = x[indices]} per plane. */
  public static Tensor forward(Tensor input, Tensor indices) {
    int batch = input.dim(0);
    int channels = input.dim(1);
    int planeSize = input.dim(2) * input.dim(3);
    int positions = indices.dim(2) * indices.dim(3);
    try (TensorScope scope = TensorScope.open()) {
      Tensor planes = input.reshape(batch, channels, planeSize);
      Tensor flatIndices = indices.reshape(batch, channels, positions);
      Tensor pooled = input.backend().gather(planes, 2, flatIndices);
      return scope.keep(pooled.reshape(indices.shape()));
    }
  }

  /**
   * Adds each entry of a stack of output-space tensors {@code S [..., N, C, Ho, Wo]} (any number of
   * leading axes, e.g. {@code [V, N, ...]} for backpropagated factors) to its window's arg-max
   * position: the transposed Jacobian of max pooling. Result {@code [..., N, C, H, W]}; overlapping
   * windows accumulate.
   *
   * @param outputSpace {@code [..., N, C, Ho, Wo]}
   * @param indices the forward pass's indices {@code [N, C, Ho, Wo]}
   * @param inputHeight H of the forward input
   * @param inputWidth W of the forward input
   */
  public static Tensor inputJacobianTransposeProduct(
      Tensor outputSpace, Tensor indices, int inputHeight, int inputWidth) {
    int indexCount = indices.size();
    if (outputSpace.size() % indexCount != 0 || outputSpace.rank() < indices.rank()) {
      throw new IllegalArgumentException(
          "output-space stack of shape "
              + outputSpace.shape()
              + " does not end in the pooled shape "
              + indices.shape());
    }
    int planes = indices.dim(0) * indices.dim(1);
    int positions = indices.dim(2) * indices.dim(3);
    int leading = outputSpace.size() / indexCount;
    int planeSize = inputHeight * inputWidth;
    int[] resultDims = outputSpace.shape().dims();
    resultDims[resultDims.length - 2] = inputHeight;
    resultDims[resultDims.length - 1] = inputWidth;
    try (TensorScope scope = TensorScope.open()) {
      Tensor flatIndices = indices.reshape(planes, positions);
      if (leading > 1) {
        flatIndices = indices.backend().concat(Collections.nCopies(leading, flatIndices), 0);
      }
      Tensor source = outputSpace.reshape(leading * planes, positions);
      Tensor spread =
          indices
              .backend()
              .scatterAdd(flatIndices, source, 1, Shape.of(leading * planes, planeSize));
      return scope.keep(spread.reshape(new Shape(resultDims)));
    }
  }
}
