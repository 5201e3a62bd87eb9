package org.cockpit4j.derivatives;

import org.cockpit4j.nn.MseLoss;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Mean squared error over {@code N·D} elements: the Hessian of {@code L} w.r.t. {@code f_n} is
 * {@code 2/(N·D)·I}.
 *
 * <ul>
 *   <li>exact factor ({@code V = D}): {@code S[v,n,d] = √2 δ_vd / √(N·D)};
 *   <li>sampled factor: {@code y ~ Normal(f_n, 1/2)}, {@code S[m,n,d] = 2(y − f)/√(M N D) = √2
 *       ε/√(M N D)} with standard normals {@code ε} from the counter stream;
 *   <li>Hessian product: {@code 2u/(N·D)}.
 * </ul>
 */
public final class MseDerivatives implements LossDerivatives<MseLoss> {

  @Override
  public Class<MseLoss> lossClass() {
    return MseLoss.class;
  }

  @Override
  public Tensor exactFactor(MseLoss loss) {
    Tensor residuals = loss.residuals();
    int batch = residuals.dim(0);
    int features = residuals.size() / batch;
    Shape featureShape = residuals.shape().dropFirst();
    try (TensorScope scope = TensorScope.open()) {
      Tensor eye = IdentityMatrix.of(residuals.backend(), features, residuals.dtype());
      Tensor scaledOnes =
          residuals
              .backend()
              .full(Shape.of(1, batch, 1), residuals.dtype(), Math.sqrt(2.0 / residuals.size()));
      Tensor factor = eye.reshape(features, 1, features).multiply(scaledOnes);
      return scope.keep(factor.reshape(featureShape.prepend(batch).prepend(features)));
    }
  }

  @Override
  public Tensor sampledFactor(MseLoss loss, int samples, long seed) {
    Tensor residuals = loss.residuals();
    Shape shape = residuals.shape().prepend(samples);
    try (TensorScope scope = TensorScope.open()) {
      Tensor normals = residuals.backend().randomNormal(shape, residuals.dtype(), seed, 0);
      return scope.keep(normals.multiply(Math.sqrt(2.0 / ((double) samples * residuals.size()))));
    }
  }

  @Override
  public Tensor hessianProduct(MseLoss loss, Tensor outputDirection) {
    return outputDirection.multiply(2.0 / loss.residuals().size());
  }
}
