package org.cockpit4j.extension;

/**
 * The one scaling convention of every extension result (BackPACK's, for a mean-reduced loss).
 *
 * <p>The loss is {@code L = (1/N) Σ_n ℓ_n}. The per-sample results are built from the output
 * gradients {@code δ = ∂L/∂output}, which already contain the {@code 1/N}, so the "individual
 * gradient" of sample n is
 *
 * <pre>
 *   G_n = ∇_θ ℓ_n / N        (so that Σ_n G_n = ∇_θ L, the ordinary gradient)
 * </pre>
 *
 * and all first-order extensions are expressed in it:
 *
 * <ul>
 *   <li>{@code batch_grad}: {@code G_n}, shape {@code [N, *p.shape]};
 *   <li>{@code batch_l2}: {@code ‖G_n‖²}, shape {@code [N]};
 *   <li>{@code batch_dot}: {@code ⟨G_n, G_m⟩}, shape {@code [N, N]};
 *   <li>{@code sum_grad_squared}: {@code Σ_n G_n²} (elementwise), shape of p;
 *   <li>{@code variance}: {@code Σ_n G_n²/N − (Σ_n G_n/N)²}, shape of p.
 * </ul>
 *
 * To get the true per-sample gradient {@code g_n = ∇ℓ_n} multiply {@code G_n} by {@code N} ({@link
 * #toSampleGradientFactor}); squared quantities ({@code batch_l2}, {@code batch_dot}, {@code
 * sum_grad_squared}) by {@code N²}. For MSE the same holds with {@code ℓ_n} the mean over the
 * output dimensions, so that {@code L = mean_n ℓ_n}.
 *
 * <p>Curvature extensions ({@code diag_ggn_exact}, {@code diag_ggn_mc}, {@code diag_h}) and the
 * Hessian- and GGN-vector products refer to {@code L} itself (the mean), with no further factor.
 */
public final class Scaling {
  private Scaling() {}

  /** The factor {@code 1/N} by which {@code G_n} differs from {@code ∇ℓ_n}. */
  public static double individualGradientFactor(int batchSize) {
    requirePositive(batchSize);
    return 1.0 / batchSize;
  }

  /** The factor {@code N} that turns {@code G_n} into the true per-sample gradient {@code ∇ℓ_n}. */
  public static double toSampleGradientFactor(int batchSize) {
    requirePositive(batchSize);
    return batchSize;
  }

  /**
   * The factor {@code N²} that turns squared results ({@code batch_l2}, {@code batch_dot}, {@code
   * sum_grad_squared}, {@code variance}) into those of the true per-sample gradients.
   */
  public static double toSampleSquaredFactor(int batchSize) {
    requirePositive(batchSize);
    return (double) batchSize * batchSize;
  }

  private static void requirePositive(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
  }
}
