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
 *   <li>exact factor ({@code V = C}): {@code S[v,n,c] = (δ_vc √p_c − p_c √p_v)/√N};
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
    try (TensorScope scope = TensorScope.open()) {
      Tensor rootP = p.sqrt();
      Tensor eye = IdentityMatrix.of(p.backend(), classes, p.dtype()).reshape(classes, 1, classes);
      Tensor diagonalPart = eye.multiply(rootP.reshape(1, batch, classes));
      Tensor outerPart =
          rootP.permute(1, 0).reshape(classes, batch, 1).multiply(p.reshape(1, batch, classes));
      return scope.keep(diagonalPart.subtract(outerPart).multiply(1.0 / Math.sqrt(batch)));
    }
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
