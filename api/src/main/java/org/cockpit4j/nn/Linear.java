package org.cockpit4j.nn;

import java.util.List;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * A fully connected layer {@code y = x Wᵀ + b} like {@code torch.nn.Linear}: input {@code [N, in]},
 * weight {@code [out, in]}, optional bias {@code [out]}, output {@code [N, out]}.
 *
 * <p>Forward is one matrix product with a transposed right operand plus the bias; backward is
 * {@code dW = δᵀ x} (one product with a transposed left operand), {@code db = Σ_n δ_n} and {@code
 * dx = δ W}. Keeps the last input ({@link #lastInput}) for the weight gradient and the extensions.
 */
public final class Linear implements Layer {
  private final int inFeatures;
  private final int outFeatures;
  private final Parameter weight;
  private final Parameter bias;
  private Tensor lastInput;
  private Tensor lastOutput;

  /**
   * A linear layer with PyTorch's default initialisation drawn from {@code init}.
   *
   * @param init source of the initial values
   * @param inFeatures input features per sample
   * @param outFeatures output features per sample
   * @param withBias whether the layer has a bias parameter
   */
  public Linear(Initializer init, int inFeatures, int outFeatures, boolean withBias) {
    if (inFeatures <= 0 || outFeatures <= 0) {
      throw new IllegalArgumentException(
          "linear needs positive in and out features, got in="
              + inFeatures
              + ", out="
              + outFeatures);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weight =
        new Parameter(
            "weight", "weight", init.fanInUniform(Shape.of(outFeatures, inFeatures), inFeatures));
    this.bias =
        withBias
            ? new Parameter("bias", "bias", init.fanInUniform(Shape.of(outFeatures), inFeatures))
            : null;
  }

  /** A linear layer with a bias. */
  public Linear(Initializer init, int inFeatures, int outFeatures) {
    this(init, inFeatures, outFeatures, true);
  }

  @Override
  public String type() {
    return "linear";
  }

  public int inFeatures() {
    return inFeatures;
  }

  public int outFeatures() {
    return outFeatures;
  }

  /** The weight {@code [out, in]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias {@code [out]}, or null when the layer has none. */
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
    if (inputShape.rank() != 1 || inputShape.dim(0) != inFeatures) {
      String fix =
          inputShape.rank() == 1
              ? "set in to " + inputShape.dim(0) + " or change the layer before it"
              : "put a flatten layer before it"
                  + (inputShape.size() == inFeatures ? "" : " and set in to " + inputShape.size());
      throw new IllegalArgumentException(
          "linear(in="
              + inFeatures
              + ", out="
              + outFeatures
              + ") expects a per-sample input of shape ["
              + inFeatures
              + "], got "
              + inputShape
              + "; "
              + fix);
    }
    return Shape.of(outFeatures);
  }

  @Override
  public Tensor forward(Tensor input) {
    outputShape(LayerState.perSampleShape(input, type()));
    try (TensorScope scope = TensorScope.open()) {
      Tensor output = input.matmul(weight.value(), false, true);
      if (bias != null) {
        output = output.add(bias.value());
      }
      lastInput = input;
      lastOutput = scope.keep(output);
      return lastOutput;
    }
  }

  @Override
  public Tensor backward(Tensor outputGradient, boolean inputGradientNeeded) {
    Tensor input = lastInput();
    LayerState.requireGradientShape(outputGradient, lastOutput.shape(), type());
    weight.setGradient(outputGradient.matmul(input, true, false));
    if (bias != null) {
      bias.setGradient(outputGradient.sum(0));
    }
    return inputGradientNeeded ? outputGradient.matmul(weight.value()) : null;
  }

  /**
   * {@code S_in[..., i] = Σ_o S[..., o] W[o, i]} for a stack {@code S [..., out]} with any number
   * of leading axes.
   */
  @Override
  public Tensor inputJacobianTransposeProduct(Tensor outputSpaceStack) {
    int rank = outputSpaceStack.rank();
    if (rank < 1 || outputSpaceStack.dim(-1) != outFeatures) {
      throw new IllegalArgumentException(
          "linear(out="
              + outFeatures
              + ") needs an output-space stack ending in ["
              + outFeatures
              + "], got "
              + outputSpaceStack.shape());
    }
    if (rank == 2) {
      return outputSpaceStack.matmul(weight.value());
    }
    int[] resultDims = outputSpaceStack.shape().dims();
    resultDims[rank - 1] = inFeatures;
    try (TensorScope scope = TensorScope.open()) {
      Tensor rows = outputSpaceStack.reshape(-1, outFeatures);
      return scope.keep(rows.matmul(weight.value()).reshape(new Shape(resultDims)));
    }
  }

  /** The input {@code [N, in]} of the last forward pass. */
  public Tensor lastInput() {
    return LayerState.requireCached(lastInput, type(), "input");
  }

  /** The output {@code [N, out]} of the last forward pass. */
  public Tensor lastOutput() {
    return LayerState.requireCached(lastOutput, type(), "output");
  }
}
