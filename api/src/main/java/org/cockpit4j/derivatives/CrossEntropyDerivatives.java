package org.cockpit4j.derivatives;

import org.cockpit4j.backend.Backend;
import org.cockpit4j.backend.BinaryOp;
import org.cockpit4j.backend.UnaryOp;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.ops.OneHot;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Cross-entropy on logits: with {@code p = softmax(f_n)} the Hessian of {@code L} w.r.t. {@code
 * f_n} is {@code (diag(p) − ppᵀ)/N}.
 *
 * <ul>
 *   <li>exact factor ({@code V = C − 1}, the Hessian's rank): stick-breaking rows {@code S[j,n] =
 *       √(p_j t_{j+1}/t_j)·(e_j − Σ_{k>j} p_k e_k/t_{j+1})/√N} with tails {@code t_j = Σ_{k≥j}
 *       p_k};
 *   <li>sampled factor: labels {@code y_m ~ Categorical(p_n)}, {@code S[m,n,c] = (p_c − [y_m =
 *       c])/√(M N)} (the labels are drawn by inverting the cumulative distribution with uniforms
 *       from the counter stream);
 *   <li>Hessian product: {@code (p ⊙ u − p (pᵀu))/N}.
 * </ul>
 */
public final class CrossEntropyDerivatives implements LossDerivatives<CrossEntropyLoss> {

  @Override
  public Class<CrossEntropyLoss> lossClass() {
    return CrossEntropyLoss.class;
  }

  @Override
  public Tensor exactFactor(CrossEntropyLoss loss) {
    Tensor p = loss.probabilities();
    int batch = p.dim(0);
    int classes = p.dim(1);
    if (classes < 2) {
      return p.multiply(0.0).reshape(1, batch, classes);
    }
    // Stick-breaking: with tails t_j = Σ_{k≥j} p_k, the rows
    //   v_j = √(p_j t_{j+1}/t_j) · (e_j − Σ_{k>j} p_k e_k / t_{j+1}),  j < C − 1,
    // give Σ_j v_j v_jᵀ = diag(p) − ppᵀ/Σp: the Hessian with C − 1 rows instead of C (the Hessian
    // has rank C − 1), so every layer propagates a tenth fewer rows for ten classes.
    double[] probabilities = p.toDoubleArray();
    int rows = classes - 1;
    double[] factor = new double[rows * batch * classes];
    double scale = 1.0 / Math.sqrt(batch);
    double[] tails = new double[classes + 1];
    for (int n = 0; n < batch; n++) {
      int base = n * classes;
      tails[classes] = 0;
      for (int c = classes - 1; c >= 0; c--) {
        tails[c] = tails[c + 1] + probabilities[base + c];
      }
      for (int j = 0; j < rows; j++) {
        double pj = probabilities[base + j];
        double tail = tails[j + 1];
        if (!(pj > 0 && tail > 0)) {
          continue; // the row vanishes (an underflowed probability)
        }
        int out = (j * batch + n) * classes;
        factor[out + j] = Math.sqrt(pj * tail / tails[j]) * scale;
        double coefficient = Math.sqrt(pj / (tails[j] * tail)) * scale;
        for (int c = j + 1; c < classes; c++) {
          factor[out + c] = -coefficient * probabilities[base + c];
        }
      }
    }
    return p.backend().fromArray(factor, Shape.of(rows, batch, classes), p.dtype());
  }

  @Override
  public Tensor sampledFactor(CrossEntropyLoss loss, int samples, long seed) {
    Tensor p = loss.probabilities();
    int batch = p.dim(0);
    int classes = p.dim(1);
    Backend backend = p.backend();
    try (TensorScope scope = TensorScope.open()) {
      Tensor cumulative =
          p.matmul(IdentityMatrix.upperTriangleOfOnes(backend, classes, p.dtype()))
              .reshape(1, batch, classes);
      Tensor uniforms = backend.randomUniform(Shape.of(samples, batch, 1), p.dtype(), seed, 0);
      Tensor below = backend.binary(BinaryOp.GREATER, uniforms, cumulative);
      Tensor labels = below.sum(2).unary(UnaryOp.MINIMUM_SCALAR, classes - 1);
      Tensor oneHot = OneHot.encode(labels, classes);
      Tensor factor =
          p.reshape(1, batch, classes)
              .subtract(oneHot)
              .multiply(1.0 / Math.sqrt((double) samples * batch));
      return scope.keep(factor);
    }
  }

  @Override
  public Tensor hessianProduct(CrossEntropyLoss loss, Tensor outputDirection) {
    Tensor p = loss.probabilities();
    try (TensorScope scope = TensorScope.open()) {
      Tensor weighted = p.multiply(outputDirection);
      Tensor projection = weighted.sumKeepDims(1);
      return scope.keep(weighted.subtract(p.multiply(projection)).multiply(1.0 / p.dim(0)));
    }
  }
}
