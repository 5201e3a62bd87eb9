package org.cockpit4j.extension;

import java.util.function.Function;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.Tensor;

/**
 * Sums a parameter's diagonal over the signed factors of a curvature extension: {@code Σ_i sign_i ·
 * D(S_i)}. Each factor's diagonal is shared through {@link LayerStep#shared}, so that extensions
 * using the same factor (the exact loss factor of {@code diag_ggn_exact} and {@code diag_h})
 * compute it once.
 */
public final class CurvatureDiagonals {
  private record Key(Tensor stack, Parameter parameter) {}

  private CurvatureDiagonals() {}

  /**
   * {@code Σ_i sign_i · diagonalOfStack(S_i)} over {@code step.outputFactors()}; zeros shaped like
   * the parameter when there is no factor.
   */
  public static Tensor signedSum(
      LayerStep step, Parameter parameter, Function<Tensor, Tensor> diagonalOfStack) {
    Tensor sum = null;
    for (Factor factor : step.outputFactors()) {
      Tensor diagonal =
          step.shared(
              new Key(factor.stack(), parameter), () -> diagonalOfStack.apply(factor.stack()));
      if (sum == null) {
        sum = factor.sign() > 0 ? diagonal : diagonal.negate();
      } else {
        sum = factor.sign() > 0 ? sum.add(diagonal) : sum.subtract(diagonal);
      }
    }
    if (sum == null) {
      Tensor value = parameter.value();
      return value.backend().full(value.shape(), value.dtype(), 0.0);
    }
    return sum;
  }
}
