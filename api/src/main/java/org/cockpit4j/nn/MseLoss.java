package org.cockpit4j.nn;

import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Mean squared error like {@code torch.nn.MSELoss()} (mean reduction): for outputs and targets
 * {@code [N, D]} (or {@code [N, ...]}, D the per-sample size), {@code L = (1/(N·D)) Σ_{n,d} (f_nd −
 * y_nd)²}; the individual losses are {@code ℓ_n = (1/D) Σ_d (f_nd − y_nd)²}, so {@code L = mean
 * ℓ_n}; {@code dL/df = 2(f − y)/(N·D)}.
 *
 * <p>Keeps the last outputs, targets and residuals {@code f − y} for the curvature extensions (the
 * Hessian of L w.r.t. f is {@code 2/(N·D)·I}).
 */
public final class MseLoss implements Loss {
  private Tensor lastOutputs;
  private Tensor lastTargets;
  private Tensor residuals;

  @Override
  public String type() {
    return "mse";
  }

  @Override
  public LossValue forward(Tensor outputs, Tensor targets) {
    if (outputs.rank() < 1 || !outputs.shape().equals(targets.shape())) {
      throw new IllegalArgumentException(
          "mse expects outputs and targets of one shape [N, D], got outputs "
              + outputs.shape()
              + " and targets "
              + targets.shape()
              + "; reshape the targets to the outputs' shape");
    }
    int batch = outputs.dim(0);
    int features = outputs.size() / Math.max(batch, 1);
    int[] featureAxes = new int[outputs.rank() - 1];
    for (int i = 0; i < featureAxes.length; i++) {
      featureAxes[i] = i + 1;
    }
    try (TensorScope scope = TensorScope.open()) {
      Tensor difference = outputs.subtract(targets);
      Tensor individual =
          featureAxes.length == 0
              ? difference.square()
              : difference.sumOfSquares(featureAxes).multiply(1.0 / features);
      Tensor mean = individual.sum().multiply(1.0 / batch);
      lastOutputs = outputs;
      lastTargets = targets;
      residuals = scope.keep(difference);
      return new LossValue(scope.keep(mean), scope.keep(individual));
    }
  }

  @Override
  public Tensor backward() {
    Tensor difference = residuals();
    return difference.multiply(2.0 / difference.size());
  }

  /** The outputs of the last forward pass. */
  public Tensor lastOutputs() {
    return LayerState.requireCached(lastOutputs, type(), "outputs");
  }

  /** The targets of the last forward pass. */
  public Tensor lastTargets() {
    return LayerState.requireCached(lastTargets, type(), "targets");
  }

  /** {@code f − y} of the last forward pass. */
  public Tensor residuals() {
    return LayerState.requireCached(residuals, type(), "residuals");
  }
}
