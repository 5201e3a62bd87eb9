package org.cockpit4j.ops;

import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Numerically stable softmax and log-softmax along the last axis.
 *
 * <p>With {@code m = max_j x_j} (per row): {@code log softmax(x)_i = (x_i - m) - log Σ_j exp(x_j -
 * m)}, so no exponent overflows; {@code softmax(x) = exp(log softmax(x))}.
 */
public final class Softmax {
  private Softmax() {}

  /** {@code log softmax} along the last axis; same shape as {@code x}. */
  public static Tensor logSoftmax(Tensor x) {
    requireRank(x);
    try (TensorScope scope = TensorScope.open()) {
      Tensor shifted = x.subtract(x.maxKeepDims(-1));
      Tensor logNormalizer = shifted.exp().sumKeepDims(-1).log();
      return scope.keep(shifted.subtract(logNormalizer));
    }
  }

  /** {@code softmax} along the last axis; same shape as {@code x}, rows sum to one. */
  public static Tensor softmax(Tensor x) {
    requireRank(x);
    try (TensorScope scope = TensorScope.open()) {
      Tensor shifted = x.subtract(x.maxKeepDims(-1));
      Tensor exponentials = shifted.exp();
      return scope.keep(exponentials.divide(exponentials.sumKeepDims(-1)));
    }
  }

  private static void requireRank(Tensor x) {
    if (x.rank() == 0) {
      throw new IllegalArgumentException(
          "softmax needs at least one axis, got a scalar; reshape it to [1] first");
    }
  }
}
