package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.ops.Convolution2d;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * A 2-D convolution like {@code torch.nn.Conv2d} (cross-correlation, zero padding, one group):
 * input {@code [N, C, H, W]}, weight {@code [O, C, kH, kW]}, optional bias {@code [O]}, output
 * {@code [N, O, Ho, Wo]} with {@code Ho = ⌊(H + 2pH − dH(kH−1) − 1)/sH⌋ + 1} (likewise Wo).
 *
 * <p>Computed by {@link Convolution2d}: the forward pass unfolds the input once ({@link
 * #unfoldedInput}, {@code [N, C*kH*kW, Ho*Wo]}) and multiplies it by the weight matrix; the
 * backward pass reuses the unfolded input for the weight gradient and folds {@code Wᵀ δ} back with
 * col2im for the input gradient.
 */
public final class Conv2d implements Layer {
  private final int inChannels;
  private final int outChannels;
  private final ConvGeometry geometry;
  private final Parameter weight;
  private final Parameter bias;
  private Tensor lastInput;
  private Tensor unfoldedInput;
  private Tensor lastOutput;

  /**
   * A convolution with PyTorch's default initialisation drawn from {@code init} ({@code fan_in =
   * inChannels*kH*kW}).
   *
   * @param init source of the initial values
   * @param inChannels input channels C
   * @param outChannels output channels O
   * @param geometry kernel size, stride, padding and dilation
   * @param withBias whether the layer has a bias parameter
   */
  public Conv2d(
      Initializer init, int inChannels, int outChannels, ConvGeometry geometry, boolean withBias) {
    if (inChannels <= 0 || outChannels <= 0) {
      throw new IllegalArgumentException(
          "conv2d needs positive channel counts, got in_channels="
              + inChannels
              + ", out_channels="
              + outChannels);
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.geometry = geometry;
    int fanIn = inChannels * geometry.kernelHeight() * geometry.kernelWidth();
    Shape weightShape =
        Shape.of(outChannels, inChannels, geometry.kernelHeight(), geometry.kernelWidth());
    this.weight = new Parameter("weight", "weight", init.fanInUniform(weightShape, fanIn));
    this.bias =
        withBias
            ? new Parameter("bias", "bias", init.fanInUniform(Shape.of(outChannels), fanIn))
            : null;
  }

  /** A square-kernel convolution with a bias, no dilation. */
  public Conv2d(
      Initializer init, int inChannels, int outChannels, int kernel, int stride, int padding) {
    this(init, inChannels, outChannels, ConvGeometry.square(kernel, stride, padding), true);
  }

  @Override
  public String type() {
    return "conv2d";
  }

  public int inChannels() {
    return inChannels;
  }

  public int outChannels() {
    return outChannels;
  }

  /** Kernel size, stride, padding and dilation. */
  public ConvGeometry geometry() {
    return geometry;
  }

  /** The weight {@code [O, C, kH, kW]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias {@code [O]}, or null when the layer has none. */
  public Parameter bias() {
    return bias;
  }

  public boolean hasBias() {
    return bias != null;
  }

  @Override
  public List<Parameter> parameters() {
    return bias == null ? List.of(weight) : List.of(weight, bias);
  }

  @Override
  public Shape outputShape(Shape inputShape) {
    if (inputShape.rank() != 3 || inputShape.dim(0) != inChannels) {
      throw new IllegalArgumentException(
          describe()
              + " expects a per-sample input of shape ["
              + inChannels
              + ", H, W], got "
              + inputShape
              + "; "
              + (inputShape.rank() == 3
                  ? "set in_channels to " + inputShape.dim(0) + " or change the layer before it"
                  : "reshape the input to [channels, height, width]"));
    }
    try {
      return Shape.of(
          outChannels,
          geometry.outputHeight(inputShape.dim(1)),
          geometry.outputWidth(inputShape.dim(2)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          describe()
              + " cannot slide its window over an input of shape "
              + inputShape
              + " ("
              + e.getMessage()
              + "); use more padding, a smaller kernel or a larger input",
          e);
    }
  }

  @Override
  public Tensor forward(Tensor input) {
    Shape output = outputShape(LayerState.perSampleShape(input, type()));
    try (TensorScope scope = TensorScope.open()) {
      Tensor columns = Convolution2d.unfold(input, geometry);
      Tensor result =
          Convolution2d.forward(
              columns,
              weight.value(),
              bias == null ? null : bias.value(),
              output.dim(1),
              output.dim(2));
      lastInput = input;
      unfoldedInput = scope.keep(columns);
      lastOutput = scope.keep(result);
      return lastOutput;
    }
  }

  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    Tensor columns = unfoldedInput();
    LayerState.requireGradientShape(outputGradient, lastOutput.shape(), type());
    weight.setGradient(
        Convolution2d.weightGradient(columns, outputGradient, weight.value().shape()));
    if (bias != null) {
      bias.setGradient(Convolution2d.biasGradient(outputGradient));
    }
    return inputGradientNeeded ? inputJacobianTransposeProduct(outputGradient) : null;
  }

  /**
   * The transposed convolution of a stack {@code S [..., O, Ho, Wo]} (any number of leading axes)
   * with this layer's weight and geometry, folded back to the last input's spatial size: {@code
   * [..., C, H, W]}.
   */
  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    Tensor input = lastInput();
    return Convolution2d.inputJacobianTransposeProduct(
        outputSpaceStack, weight.value(), geometry, input.dim(2), input.dim(3));
  }

  /** The input {@code [N, C, H, W]} of the last forward pass. */
  public Tensor lastInput() {
    return LayerState.requireCached(lastInput, type(), "input");
  }

  /** The unfolded input {@code [N, C*kH*kW, Ho*Wo]} of the last forward pass (rows (c, kh, kw)). */
  public Tensor unfoldedInput() {
    return LayerState.requireCached(unfoldedInput, type(), "unfolded input");
  }

  /** The output {@code [N, O, Ho, Wo]} of the last forward pass. */
  public Tensor lastOutput() {
    return LayerState.requireCached(lastOutput, type(), "output");
  }

  private String describe() {
    return "conv2d(in_channels="
        + inChannels
        + ", out_channels="
        + outChannels
        + ", kernel="
        + geometry.kernelHeight()
        + "x"
        + geometry.kernelWidth()
        + ", stride="
        + geometry.strideHeight()
        + "x"
        + geometry.strideWidth()
        + ", padding="
        + geometry.paddingHeight()
        + "x"
        + geometry.paddingWidth()
        + ", dilation="
        + geometry.dilationHeight()
        + "x"
        + geometry.dilationWidth()
        + ")";
  }
}
