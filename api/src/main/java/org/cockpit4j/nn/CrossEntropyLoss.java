package org.cockpit4j.nn;

import org.cockpit4j.ops.OneHot;
import org.cockpit4j.ops.Softmax;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Cross-entropy on logits like {@code torch.nn.CrossEntropyLoss()} (mean reduction, no class
 * weights): for logits {@code f [N, C]} and class indices {@code y [N]} (integer values in the
 * logits' dtype), {@code ℓ_n = −log softmax(f_n)[y_n]} and {@code L = (1/N) Σ_n ℓ_n}; {@code dL/df
 * = (softmax(f) − onehot(y))/N}.
 *
 * <p>Keeps the last logits, targets and softmax probabilities ({@link #probabilities}), which the
 * curvature extensions need (the Hessian of ℓ_n w.r.t. f_n is {@code diag(p) − ppᵀ}).
 */
public final class CrossEntropyLoss implements Loss {
  private Tensor lastOutputs;
  private Tensor lastTargets;
  private Tensor probabilities;

  @Override
  public String type() {
    return "cross_entropy";
  }

  @Override
  public LossValue forward(Tensor outputs, Tensor targets) {
    checkShapes(outputs, targets);
    int batch = outputs.dim(0);
    try (TensorScope scope = TensorScope.open()) {
      Tensor logProbabilities = Softmax.logSoftmax(outputs);
      Tensor picked = outputs.backend().gather(logProbabilities, 1, targets.reshape(batch, 1));
      Tensor individual = picked.reshape(batch).negate();
      Tensor mean = individual.sum().multiply(1.0 / batch);
      lastOutputs = outputs;
      lastTargets = targets;
      probabilities = scope.keep(logProbabilities.exp());
      return new LossValue(scope.keep(mean), scope.keep(individual));
    }
  }

  @Override
  public Tensor backward() {
    Tensor p = probabilities();
    int batch = p.dim(0);
    try (TensorScope scope = TensorScope.open()) {
      Tensor oneHot = OneHot.encode(lastTargets, p.dim(1));
      return scope.keep(p.subtract(oneHot).multiply(1.0 / batch));
    }
  }

  /** The logits {@code [N, C]} of the last forward pass. */
  public Tensor lastOutputs() {
    return LayerState.requireCached(lastOutputs, type(), "outputs");
  }

  /** The class indices {@code [N]} of the last forward pass. */
  public Tensor lastTargets() {
    return LayerState.requireCached(lastTargets, type(), "targets");
  }

  /** {@code softmax(f)} of the last forward pass, {@code [N, C]}. */
  public Tensor probabilities() {
    return LayerState.requireCached(probabilities, type(), "probabilities");
  }

  private static void checkShapes(Tensor outputs, Tensor targets) {
    if (outputs.rank() != 2) {
      throw new IllegalArgumentException(
          "cross_entropy expects logits of shape [N, classes], got "
              + outputs.shape()
              + "; flatten the network's output");
    }
    int batch = outputs.dim(0);
    int classes = outputs.dim(1);
    if (targets.rank() != 1 || targets.dim(0) != batch) {
      throw new IllegalArgumentException(
          "cross_entropy expects class indices of shape ["
              + batch
              + "] for logits "
              + outputs.shape()
              + ", got targets of shape "
              + targets.shape());
    }
    if (targets.dtype() != outputs.dtype()) {
      throw new IllegalArgumentException(
          "cross_entropy expects the class indices in the logits' dtype "
              + outputs.dtype()
              + ", got "
              + targets.dtype()
              + "; cast the targets");
    }
    double[] indices = targets.toDoubleArray();
    for (int n = 0; n < indices.length; n++) {
      double index = indices[n];
      if (!(index >= 0 && index < classes) || index != Math.rint(index)) {
        throw new IllegalArgumentException(
            "cross_entropy target "
                + n
                + " is "
                + index
                + ", not a class index in [0, "
                + classes
                + ") for logits "
                + outputs.shape());
      }
    }
  }
}
