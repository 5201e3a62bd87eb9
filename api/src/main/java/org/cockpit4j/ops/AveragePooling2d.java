package org.cockpit4j.ops;

import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * 2-D average pooling over NCHW tensors as {@code torch.nn.AvgPool2d} with its defaults ({@code
 * ceil_mode=False}, {@code count_include_pad=True}, no divisor override): {@code out[n, c, i, j] =
 * (1/(kH*kW)) Σ_{a<kH, b<kW} xpad[n, c, i*sH + a*dH, j*sW + b*dW]}; padded zeros count, so the
 * divisor is always {@code kH*kW}.
 *
 * <p>Written as im2col on each channel plane followed by a sum over the window; the transposed
 * Jacobian spreads each output entry {@code /(kH*kW)} over its window with col2im.
 */
public final class AveragePooling2d {
  private AveragePooling2d() {}

  /** The pooled output {@code [N, C, Ho, Wo]} of {@code input [N, C, H, W]}. */
  public static Tensor forward(Tensor input, ConvGeometry geometry) {
    Convolution2d.requireRank(input, 4, "average-pooling input");
    int batch = input.dim(0);
    int channels = input.dim(1);
    int outputHeight = geometry.outputHeight(input.dim(2));
    int outputWidth = geometry.outputWidth(input.dim(3));
    double scale = 1.0 / windowSize(geometry);
    try (TensorScope scope = TensorScope.open()) {
      Tensor planes = input.reshape(batch * channels, 1, input.dim(2), input.dim(3));
      Tensor windows = input.backend().im2col(planes, geometry); // [N*C, kH*kW, P]
      Tensor pooled = windows.sum(1).multiply(scale);
      return scope.keep(pooled.reshape(batch, channels, outputHeight, outputWidth));
    }
  }

  /**
   * The transposed Jacobian applied to a stack of output-space tensors {@code S [..., C, Ho, Wo]}
   * (any number of leading axes): result {@code [..., C, H, W]}, each entry spread {@code /(kH*kW)}
   * over its window, overlapping windows adding up.
   */
  public static Tensor inputJacobianTransposeProduct(
      Tensor outputSpace, ConvGeometry geometry, int inputHeight, int inputWidth) {
    Convolution2d.requireRank(outputSpace, 3, "output-space stack");
    int rank = outputSpace.rank();
    int positions = outputSpace.dim(rank - 2) * outputSpace.dim(rank - 1);
    int planes = outputSpace.size() / positions;
    int window = windowSize(geometry);
    int[] resultDims = outputSpace.shape().dims();
    resultDims[rank - 2] = inputHeight;
    resultDims[rank - 1] = inputWidth;
    try (TensorScope scope = TensorScope.open()) {
      Tensor spreadWeights =
          outputSpace.backend().full(Shape.of(1, window, 1), outputSpace.dtype(), 1.0 / window);
      Tensor columns = outputSpace.reshape(planes, 1, positions).multiply(spreadWeights);
      Tensor folded = outputSpace.backend().col2im(columns, geometry, inputHeight, inputWidth);
      return scope.keep(folded.reshape(new Shape(resultDims)));
    }
  }

  private static int windowSize(ConvGeometry geometry) {
    return geometry.kernelHeight() * geometry.kernelWidth();
  }
}
