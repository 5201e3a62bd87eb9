package org.cockpit4j.extension;

import org.cockpit4j.derivatives.Conv2dDerivatives;
import org.cockpit4j.derivatives.LinearDerivatives;
import org.cockpit4j.nn.Conv2d;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.tensor.Tensor;

/**
 * Intermediate tensors that several built-in rules need at one layer, computed once per layer and
 * pass through {@link LayerStep#shared} (freed when the layer is done). Rules never emit these
 * tensors' buffers to be modified; emitting one is fine (the engine hands out views).
 */
public final class SharedTerms {
  private enum Term {
    LINEAR_INPUT_SQUARED,
    LINEAR_OUTPUT_GRADIENT_SQUARED,
    LINEAR_WEIGHT_SUM_OF_SQUARES,
    LINEAR_BIAS_SUM_OF_SQUARES,
    LINEAR_OUTPUT_GRADIENT_GRAM,
    CONV_PER_SAMPLE_WEIGHT,
    CONV_PER_SAMPLE_BIAS,
    CONV_WEIGHT_SUM_OF_SQUARES,
    CONV_BIAS_SUM_OF_SQUARES
  }

  private record FactorTerm(Tensor stack, String what) {}

  private SharedTerms() {}

  /** {@code x² [N, I]} of a linear layer. */
  public static Tensor linearInputSquared(LayerStep step, Linear layer) {
    return step.shared(Term.LINEAR_INPUT_SQUARED, () -> layer.lastInput().square());
  }

  /** {@code δ² [N, O]} of a linear layer. */
  public static Tensor linearOutputGradientSquared(LayerStep step) {
    return step.shared(Term.LINEAR_OUTPUT_GRADIENT_SQUARED, () -> step.outputGradient().square());
  }

  /** {@code Σ_n G_n²} of a linear layer's weight: {@code (δ²)ᵀ(x²)}. */
  public static Tensor linearWeightSumOfSquares(LayerStep step, Linear layer) {
    return step.shared(
        Term.LINEAR_WEIGHT_SUM_OF_SQUARES,
        () ->
            LinearDerivatives.weightSumOfSquares(
                linearOutputGradientSquared(step), linearInputSquared(step, layer)));
  }

  /** {@code Σ_n G_n²} of a linear layer's bias: {@code Σ_n δ_n²}. */
  public static Tensor linearBiasSumOfSquares(LayerStep step) {
    return step.shared(
        Term.LINEAR_BIAS_SUM_OF_SQUARES, () -> linearOutputGradientSquared(step).sum(0));
  }

  /** {@code ΔΔᵀ [N, N]}: the Gram matrix of the output gradients (batch_dot of the bias). */
  public static Tensor linearOutputGradientGram(LayerStep step) {
    return step.shared(
        Term.LINEAR_OUTPUT_GRADIENT_GRAM,
        () -> step.outputGradient().matmul(step.outputGradient(), false, true));
  }

  /** {@code T = Σ_v S[v]² [N, O]} of a factor stack at a linear layer's output. */
  public static Tensor linearSquaredFactorSum(LayerStep step, Tensor factorStack) {
    return step.shared(
        new FactorTerm(factorStack, "linear squared factor sum"),
        () -> LinearDerivatives.squaredFactorSum(factorStack));
  }

  /** Per-sample weight gradients {@code [N, O, K]} of a convolution. */
  public static Tensor conv2dPerSampleWeightGradients(LayerStep step, Conv2d layer) {
    return step.shared(
        Term.CONV_PER_SAMPLE_WEIGHT,
        () -> Conv2dDerivatives.perSampleWeightGradients(layer, step.outputGradient()));
  }

  /** Per-sample bias gradients {@code [N, O]} of a convolution. */
  public static Tensor conv2dPerSampleBiasGradients(LayerStep step) {
    return step.shared(
        Term.CONV_PER_SAMPLE_BIAS,
        () -> Conv2dDerivatives.perSampleBiasGradients(step.outputGradient()));
  }

  /** {@code Σ_n G_n²} of a convolution's weight, shaped like the weight. */
  public static Tensor conv2dWeightSumOfSquares(LayerStep step, Conv2d layer) {
    return step.shared(
        Term.CONV_WEIGHT_SUM_OF_SQUARES,
        () ->
            conv2dPerSampleWeightGradients(step, layer)
                .sumOfSquares(0)
                .reshape(layer.weight().shape()));
  }

  /** {@code Σ_n G_n²} of a convolution's bias. */
  public static Tensor conv2dBiasSumOfSquares(LayerStep step) {
    return step.shared(
        Term.CONV_BIAS_SUM_OF_SQUARES, () -> conv2dPerSampleBiasGradients(step).sumOfSquares(0));
  }

  /**
   * The biased variance {@code Σ_n G_n²/N − (Σ_n G_n/N)²} from the sum of squares and the ordinary
   * gradient {@code Σ_n G_n}.
   */
  public static Tensor variance(Tensor sumOfSquares, Tensor gradient, int batchSize) {
    double scale = 1.0 / batchSize;
    return sumOfSquares.multiply(scale).subtract(gradient.multiply(scale).square());
  }
}
