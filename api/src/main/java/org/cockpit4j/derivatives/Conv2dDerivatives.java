package org.cockpit4j.derivatives;

import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.ops.Convolution2d;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Derivative algebra of {@link Conv2d} on the unfolded input {@code X [N, K, P]} that the layer
 * kept ({@code K = C·kH·kW} rows ordered (c, kh, kw), {@code P = Ho·Wo} positions); output
 * gradients and factor stacks have the output layout {@code [..., O, Ho, Wo]}.
 *
 * <p>The per-sample weight gradient is {@code G_n = δ_n X_nᵀ [O, K]} (with {@code δ_n} viewed as
 * {@code [O, P]}), the per-sample bias gradient {@code Σ_P δ_n[o, P]}.
 */
public final class Conv2dDerivatives {
  private Conv2dDerivatives() {}

  /** Per-sample weight gradients {@code [N, O, K]}. */
  public static Tensor perSampleWeightGradients(Conv2d layer, Tensor outputGradient) {
    return Convolution2d.weightGradientPerSample(layer.unfoldedInput(), outputGradient);
  }

  /** Per-sample bias gradients {@code [N, O]}: the output gradient summed over positions. */
  public static Tensor perSampleBiasGradients(Tensor outputGradient) {
    return outputGradient.sum(2, 3);
  }

  /**
   * Largest projected block {@code [n, V·O, K]} formed at once by {@link #weightFactorDiagonal}.
   */
  private static final long BLOCK_ELEMENTS = 1L << 22;

  /**
   * The weight diagonal {@code [O, C, kH, kW]} of a factor stack {@code S [V, N, O, Ho, Wo]}:
   * {@code Σ_{v,n} (Σ_P X_n[k,P] S[v,n,o,P])²}. The projections are formed for blocks of samples
   * (at most {@value #BLOCK_ELEMENTS} elements at once) and their squares summed.
   */
  public static Tensor weightFactorDiagonal(Conv2d layer, Tensor factorStack) {
    return weightFactorDiagonal(layer, factorStack, BLOCK_ELEMENTS);
  }

  /**
   * {@link #weightFactorDiagonal(Conv2d, Tensor)} forming at most {@code blockElements} projected
   * elements at once (at least one sample per block).
   */
  public static Tensor weightFactorDiagonal(Conv2d layer, Tensor factorStack, long blockElements) {
    Tensor columns = layer.unfoldedInput();
    int samples = factorStack.dim(0);
    int batch = factorStack.dim(1);
    int outChannels = factorStack.dim(2);
    int positions = factorStack.dim(3) * factorStack.dim(4);
    int kernelSize = columns.dim(1);
    long perSample = (long) samples * outChannels * kernelSize;
    int block = (int) Math.max(1, Math.min(batch, blockElements / Math.max(1, perSample)));
    try (TensorScope scope = TensorScope.open()) {
      Tensor bySample =
          factorStack
              .reshape(samples, batch, outChannels * positions)
              .permute(1, 0, 2)
              .reshape(batch, samples * outChannels, positions);
      Tensor sum = null;
      for (int start = 0; start < batch; start += block) {
        int end = Math.min(batch, start + block);
        Tensor factors =
            block == batch ? bySample : bySample.backend().slice(bySample, 0, start, end);
        Tensor inputs = block == batch ? columns : columns.backend().slice(columns, 0, start, end);
        Tensor squares = factors.matmul(inputs, false, true).sumOfSquares(0); // [V*O, K]
        sum = sum == null ? squares : sum.add(squares);
      }
      Tensor perFactor = sum.reshape(samples, outChannels * kernelSize);
      return scope.keep(perFactor.sum(0).reshape(layer.weight().shape()));
    }
  }

  /** The bias diagonal {@code [O]} of a factor stack: {@code Σ_{v,n} (Σ_P S[v,n,o,P])²}. */
  public static Tensor biasFactorDiagonal(Tensor factorStack) {
    try (TensorScope scope = TensorScope.open()) {
      return scope.keep(factorStack.sum(3, 4).sumOfSquares(0, 1));
    }
  }

  // ---- R-operator -----------------------------------------------------------------------------

  /**
   * {@code R{y} = conv(R{x}; W) + conv(x; V_W) + v_b}.
   *
   * @param inputDirection {@code R{x} [N, C, H, W]}, or null for a zero input direction
   * @param weightDirection {@code V_W}, shaped like the weight
   * @param biasDirection {@code v_b [O]}, or null when the layer has no bias
   */
  public static Tensor directionalForward(
      Conv2d layer, Tensor inputDirection, Tensor weightDirection, Tensor biasDirection) {
    Tensor output = layer.lastOutput();
    int height = output.dim(2);
    int width = output.dim(3);
    try (TensorScope scope = TensorScope.open()) {
      Tensor result =
          Convolution2d.forward(
              layer.unfoldedInput(), weightDirection, biasDirection, height, width);
      if (inputDirection != null) {
        Tensor columns = Convolution2d.unfold(inputDirection, layer.geometry());
        result =
            result.add(Convolution2d.forward(columns, layer.weight().value(), null, height, width));
      }
      return scope.keep(result);
    }
  }

  /** {@code R{δ_in} = convᵀ(R{δ}; W) + convᵀ(δ; V_W)}. */
  public static Tensor directionalInputGradient(
      Conv2d layer, Tensor outputGradient, Tensor outputGradientDirection, Tensor weightDirection) {
    Tensor input = layer.lastInput();
    try (TensorScope scope = TensorScope.open()) {
      Tensor result =
          layer
              .inputJacobianTransposeProduct(outputGradientDirection)
              .add(
                  Convolution2d.inputJacobianTransposeProduct(
                      outputGradient,
                      weightDirection,
                      layer.geometry(),
                      input.dim(2),
                      input.dim(3)));
      return scope.keep(result);
    }
  }

  /**
   * {@code R{∇W} = Σ_n R{δ}_n X_nᵀ + δ_n R{X}_nᵀ} with {@code R{X} = unfold(R{x})} (the second term
   * vanishes for a null input direction).
   */
  public static Tensor directionalWeightGradient(
      Conv2d layer, Tensor outputGradient, Tensor outputGradientDirection, Tensor inputDirection) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor result = weightJacobianTransposeProduct(layer, outputGradientDirection);
      if (inputDirection != null) {
        Tensor columns = Convolution2d.unfold(inputDirection, layer.geometry());
        result =
            result.add(
                Convolution2d.weightGradient(columns, outputGradient, layer.weight().shape()));
      }
      return scope.keep(result);
    }
  }

  /** {@code Σ_n S_n X_nᵀ}, shaped like the weight: the transposed weight Jacobian applied to S. */
  public static Tensor weightJacobianTransposeProduct(Conv2d layer, Tensor outputSpace) {
    return Convolution2d.weightGradient(layer.unfoldedInput(), outputSpace, layer.weight().shape());
  }

  /** {@code Σ_{n,P} S[n, o, P]}: the transposed bias Jacobian applied to S. */
  public static Tensor biasJacobianTransposeProduct(Tensor outputSpace) {
    return Convolution2d.biasGradient(outputSpace);
  }
}
