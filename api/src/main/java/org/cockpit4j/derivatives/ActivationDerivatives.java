package org.cockpit4j.derivatives;

import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.nn.Activation;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Second-order algebra of an elementwise {@link Activation} {@code y = f(x)}: the residual term
 * {@code diag(f''(x) ⊙ δ)} that the exact Hessian adds to the Gauss-Newton part in the input space,
 * and the R-operator pieces.
 */
public final class ActivationDerivatives {
  private ActivationDerivatives() {}

  /**
   * The residual {@code r = f''(x) ⊙ δ [N, ...]} of the last forward pass, with {@code δ = ∂L/∂y}
   * (including the 1/N of the mean).
   */
  public static Tensor residual(Activation layer, Tensor outputGradient) {
    try (TensorScope scope = TensorScope.open()) {
      return scope.keep(layer.secondDerivative().multiply(outputGradient));
    }
  }

  /** Splits a diagonal residual {@code r [N, *featureShape]} into its two signed factors. */
  public static ResidualFactors residualFactors(Tensor residual) {
    int batch = residual.dim(0);
    int features = residual.size() / batch;
    Shape featureShape = residual.shape().dropFirst();
    Shape broadcastShape = featureShape.prepend(1).prepend(features);
    try (TensorScope scope = TensorScope.open()) {
      Tensor eye =
          IdentityMatrix.of(residual.backend(), features, residual.dtype()).reshape(broadcastShape);
      Tensor rows = residual.reshape(residual.shape().prepend(1));
      Tensor positive = eye.multiply(rows.unary(UnaryOp.MAXIMUM_SCALAR, 0.0).sqrt());
      Tensor negative = eye.multiply(rows.negate().unary(UnaryOp.MAXIMUM_SCALAR, 0.0).sqrt());
      return new ResidualFactors(scope.keep(positive), scope.keep(negative));
    }
  }

  /** {@code R{y} = f'(x) ⊙ R{x}}; null for a null (zero) input direction. */
  public static Tensor directionalForward(Activation layer, Tensor inputDirection) {
    if (inputDirection == null) {
      return null;
    }
    try (TensorScope scope = TensorScope.open()) {
      return scope.keep(layer.derivative().multiply(inputDirection));
    }
  }

  /** {@code R{δ_in} = f''(x) ⊙ R{x} ⊙ δ + f'(x) ⊙ R{δ}}. */
  public static Tensor directionalInputGradient(
      Activation layer,
      Tensor outputGradient,
      Tensor outputGradientDirection,
      Tensor inputDirection) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor result = layer.derivative().multiply(outputGradientDirection);
      if (inputDirection != null && !layer.isPiecewiseLinear()) {
        result =
            result.add(layer.secondDerivative().multiply(inputDirection).multiply(outputGradient));
      }
      return scope.keep(result);
    }
  }
}
