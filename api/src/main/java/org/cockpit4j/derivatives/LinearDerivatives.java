package org.cockpit4j.derivatives;

import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.Linear;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Derivative algebra of {@link Linear} {@code y = x Wᵀ + b} (input {@code x [N, I]}, output
 * gradient {@code δ [N, O]}) beyond what the layer itself offers.
 *
 * <p>Per-sample structure: the gradient of sample n is the outer product {@code δ_n x_nᵀ}, so its
 * squared norm is {@code ‖δ_n‖²‖x_n‖²}, the Gram matrix of all samples is {@code (XXᵀ) ∘ (ΔΔᵀ)} and
 * the sum of squared gradients is {@code (δ²)ᵀ(x²)}; none of them needs the per-sample gradients
 * themselves.
 */
public final class LinearDerivatives {
  private LinearDerivatives() {}

  /** Per-sample weight gradients {@code [N, O, I]}: {@code δ_n x_nᵀ}. */
  public static Tensor perSampleWeightGradients(Tensor outputGradient, Tensor input) {
    int batch = input.dim(0);
    try (TensorScope scope = TensorScope.open()) {
      Tensor columns = outputGradient.reshape(batch, outputGradient.dim(1), 1);
      Tensor rows = input.reshape(batch, 1, input.dim(1));
      return scope.keep(columns.multiply(rows));
    }
  }

  /** Squared norms {@code [N]} of the per-sample weight gradients: {@code ‖δ_n‖²‖x_n‖²}. */
  public static Tensor weightSquaredNorms(Tensor outputGradient, Tensor input) {
    try (TensorScope scope = TensorScope.open()) {
      return scope.keep(outputGradient.sumOfSquares(1).multiply(input.sumOfSquares(1)));
    }
  }

  /**
   * Gram matrix {@code [N, N]} of the per-sample weight gradients, {@code (XXᵀ) ∘ (ΔΔᵀ)}, from the
   * input and the Gram matrix {@code ΔΔᵀ} of the output gradients (which is also the bias's).
   */
  public static Tensor weightGramMatrix(Tensor outputGradientGram, Tensor input) {
    try (TensorScope scope = TensorScope.open()) {
      return scope.keep(input.matmul(input, false, true).multiply(outputGradientGram));
    }
  }

  /**
   * {@code Σ_n (δ_n x_nᵀ)²} elementwise, {@code [O, I]}, from the squared output gradient and the
   * squared input: {@code (δ²)ᵀ(x²)}.
   */
  public static Tensor weightSumOfSquares(Tensor squaredOutputGradient, Tensor squaredInput) {
    return squaredOutputGradient.matmul(squaredInput, true, false);
  }

  /**
   * The parameter diagonal of a factor stack {@code S [V, N, O]} at the output: {@code diag W[o,i]
   * = Σ_n T[n,o] x[n,i]²} with {@code T = Σ_v S[v]²} ({@link #squaredFactorSum}).
   */
  public static Tensor weightFactorDiagonal(Tensor squaredFactorSum, Tensor squaredInput) {
    return squaredFactorSum.matmul(squaredInput, true, false);
  }

  /** {@code T [N, O] = Σ_v S[v]²} for a factor stack {@code S [V, N, O]}. */
  public static Tensor squaredFactorSum(Tensor factorStack) {
    try (TensorScope scope = TensorScope.open()) {
      return scope.keep(factorStack.sumOfSquares(0));
    }
  }

  // ---- R-operator -----------------------------------------------------------------------------

  /**
   * The forward directional derivative {@code R{y} = R{x} Wᵀ + x VᵀW + v_b}.
   *
   * @param inputDirection {@code R{x} [N, I]}, or null for a zero input direction
   * @param weightDirection {@code V_W [O, I]}
   * @param biasDirection {@code v_b [O]}, or null when the layer has no bias
   */
  public static Tensor directionalForward(
      Linear layer, Tensor inputDirection, Tensor weightDirection, Tensor biasDirection) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor result = layer.lastInput().matmul(weightDirection, false, true);
      if (inputDirection != null) {
        result = result.add(inputDirection.matmul(layer.weight().value(), false, true));
      }
      if (biasDirection != null) {
        result = result.add(biasDirection);
      }
      return scope.keep(result);
    }
  }

  /** {@code R{δ_in} = R{δ} W + δ V_W}. */
  public static Tensor directionalInputGradient(
      Linear layer, Tensor outputGradient, Tensor outputGradientDirection, Tensor weightDirection) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor result =
          outputGradientDirection
              .matmul(layer.weight().value())
              .add(outputGradient.matmul(weightDirection));
      return scope.keep(result);
    }
  }

  /**
   * {@code R{∇W} = R{δ}ᵀ x + δᵀ R{x}} (the second term vanishes for a null input direction), as one
   * product over the stacked batch, {@code [R{δ}; δ]ᵀ [x; R{x}]}: no second {@code [O, I]} product
   * to add.
   */
  public static Tensor directionalWeightGradient(
      Linear layer, Tensor outputGradient, Tensor outputGradientDirection, Tensor inputDirection) {
    if (inputDirection == null) {
      return outputGradientDirection.matmul(layer.lastInput(), true, false);
    }
    try (TensorScope scope = TensorScope.open()) {
      Backend backend = outputGradient.backend();
      Tensor left = backend.concat(List.of(outputGradientDirection, outputGradient), 0);
      Tensor right = backend.concat(List.of(layer.lastInput(), inputDirection), 0);
      return scope.keep(left.matmul(right, true, false));
    }
  }

  /** {@code Σ_n S_n x_nᵀ}: the transposed weight Jacobian applied to {@code S [N, O]}. */
  public static Tensor weightJacobianTransposeProduct(Linear layer, Tensor outputSpace) {
    return outputSpace.matmul(layer.lastInput(), true, false);
  }

  /** {@code Σ_n S_n}: the transposed bias Jacobian applied to {@code S [N, O]}. */
  public static Tensor biasJacobianTransposeProduct(Tensor outputSpace) {
    return outputSpace.sum(0);
  }
}
