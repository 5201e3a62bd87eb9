package org.cockpit4j.ops;

import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * 2-D convolution (cross-correlation, zero padding, NCHW, one group) as in {@code
 * torch.nn.functional.conv2d}, written as im2col plus matrix products.
 *
 * <p>Notation: input {@code x [N, C, H, W]}, weight {@code w [O, C, kH, kW]} viewed as {@code W [O,
 * K]} with {@code K = C*kH*kW}, unfolded input {@code X = im2col(x) [N, K, P]} with {@code P =
 * Ho*Wo} output positions. Then
 *
 * <ul>
 *   <li>output: {@code y[n] = W X[n] + b} ({@code [O, P]}, reshaped to {@code [O, Ho, Wo]});
 *   <li>weight gradient: {@code dW = Σ_n δ[n] X[n]ᵀ} (one {@code matmulSum}; per sample on
 *       request);
 *   <li>bias gradient: {@code db[o] = Σ_{n,p} δ[n, o, p]};
 *   <li>input gradient (a transposed convolution): {@code dx = col2im(Wᵀ δ)}.
 * </ul>
 *
 * The unfolded input is computed once in the forward pass and reused by the backward pass.
 */
public final class Convolution2d {
  private Convolution2d() {}

  /** The unfolded input {@code [N, C*kH*kW, Ho*Wo]} (rows ordered (c, kh, kw)). */
  public static Tensor unfold(Tensor input, ConvGeometry geometry) {
    requireRank(input, 4, "input");
    return input.backend().im2col(input, geometry);
  }

  /**
   * The convolution output {@code [N, O, Ho, Wo]} from the unfolded input {@code columns [N, K,
   * P]}, the weight {@code [O, C, kH, kW]} and an optional bias {@code [O]} (null for none).
   */
  public static Tensor forward(
      Tensor columns, Tensor weight, Tensor bias, int outputHeight, int outputWidth) {
    requireRank(columns, 3, "unfolded input");
    int outChannels = weight.dim(0);
    int kernelSize = weight.size() / outChannels;
    if (columns.dim(1) != kernelSize || columns.dim(2) != outputHeight * outputWidth) {
      throw new IllegalArgumentException(
          "unfolded input of shape "
              + columns.shape()
              + " does not fit weight "
              + weight.shape()
              + " and output "
              + outputHeight
              + "x"
              + outputWidth
              + "; expected [N, "
              + kernelSize
              + ", "
              + outputHeight * outputWidth
              + "]");
    }
    int batch = columns.dim(0);
    try (TensorScope scope = TensorScope.open()) {
      Tensor weightMatrix = weight.reshape(outChannels, kernelSize);
      Tensor output = weightMatrix.matmul(columns); // [N, O, P]
      if (bias != null) {
        output = output.add(bias.reshape(outChannels, 1));
      }
      return scope.keep(output.reshape(batch, outChannels, outputHeight, outputWidth));
    }
  }

  /**
   * Per-sample weight gradients {@code [N, O, K]}: {@code X[n] δ[n]ᵀ} transposed, i.e. {@code G[n,
   * o, k] = Σ_p δ[n, o, p] X[n, k, p]}.
   *
   * @param columns unfolded input {@code [N, K, P]}
   * @param outputGradient {@code [N, O, Ho, Wo]}
   */
  public static Tensor weightGradientPerSample(Tensor columns, Tensor outputGradient) {
    int batch = outputGradient.dim(0);
    int outChannels = outputGradient.dim(1);
    int positions = outputGradient.size() / (batch * outChannels);
    try (TensorScope scope = TensorScope.open()) {
      Tensor delta = outputGradient.reshape(batch, outChannels, positions);
      return scope.keep(delta.matmul(columns, false, true));
    }
  }

  /**
   * The weight gradient {@code [O, C, kH, kW]} summed over the batch.
   *
   * @param columns unfolded input {@code [N, K, P]}
   * @param outputGradient {@code [N, O, Ho, Wo]}
   * @param weightShape {@code [O, C, kH, kW]}
   */
  public static Tensor weightGradient(Tensor columns, Tensor outputGradient, Shape weightShape) {
    int batch = outputGradient.dim(0);
    int outChannels = outputGradient.dim(1);
    int positions = outputGradient.size() / (batch * outChannels);
    try (TensorScope scope = TensorScope.open()) {
      Tensor delta = outputGradient.reshape(batch, outChannels, positions);
      Tensor sum = columns.backend().matmulSum(delta, columns, false, true); // [O, K]
      return scope.keep(sum.reshape(weightShape));
    }
  }

  /** The bias gradient {@code [O]}: the output gradient summed over batch and positions. */
  public static Tensor biasGradient(Tensor outputGradient) {
    requireRank(outputGradient, 4, "output gradient");
    int batch = outputGradient.dim(0);
    int channels = outputGradient.dim(1);
    int positions = outputGradient.dim(2) * outputGradient.dim(3);
    try (TensorScope scope = TensorScope.open()) {
      // Positions first (contiguous rows), then the batch: no transposed copy of the gradient.
      Tensor perSample = outputGradient.reshape(batch, channels, positions).sum(2);
      return scope.keep(perSample.sum(0));
    }
  }

  /**
   * The transposed convolution {@code col2im(Wᵀ S)} applied to a stack of output-space tensors
   * {@code S [..., O, Ho, Wo]} with any number of leading axes (a batch {@code [N]}, or {@code [V,
   * N]} for backpropagated factors). Result {@code [..., C, H, W]}.
   *
   * @param outputSpace {@code [..., O, Ho, Wo]}
   * @param weight {@code [O, C, kH, kW]}
   * @param geometry the forward convolution's geometry
   * @param inputHeight H of the forward input
   * @param inputWidth W of the forward input
   */
  public static Tensor inputJacobianTransposeProduct(
      Tensor outputSpace, Tensor weight, ConvGeometry geometry, int inputHeight, int inputWidth) {
    requireRank(outputSpace, 4, "output-space stack");
    int outChannels = weight.dim(0);
    int inChannels = weight.dim(1);
    int kernelSize = weight.size() / outChannels;
    int rank = outputSpace.rank();
    if (outputSpace.dim(rank - 3) != outChannels) {
      throw new IllegalArgumentException(
          "output-space stack of shape "
              + outputSpace.shape()
              + " has "
              + outputSpace.dim(rank - 3)
              + " channels at axis -3, but the weight "
              + weight.shape()
              + " has "
              + outChannels
              + " output channels");
    }
    int positions = outputSpace.dim(rank - 2) * outputSpace.dim(rank - 1);
    int leading = outputSpace.size() / (outChannels * positions);
    int[] resultDims = outputSpace.shape().dims();
    resultDims[rank - 3] = inChannels;
    resultDims[rank - 2] = inputHeight;
    resultDims[rank - 1] = inputWidth;
    try (TensorScope scope = TensorScope.open()) {
      Tensor weightMatrix = weight.reshape(outChannels, kernelSize);
      Tensor stack = outputSpace.reshape(leading, outChannels, positions);
      // col2im(Wᵀ S): the backend may fuse the two so that [L, K, P] is never stored whole.
      Tensor folded =
          weight.backend().col2imOfProduct(weightMatrix, stack, geometry, inputHeight, inputWidth);
      return scope.keep(folded.reshape(new Shape(resultDims)));
    }
  }

  static void requireRank(Tensor tensor, int minimumRank, String what) {
    if (tensor.rank() < minimumRank) {
      throw new IllegalArgumentException(
          what + " needs at least " + minimumRank + " axes, got shape " + tensor.shape());
    }
  }
}
