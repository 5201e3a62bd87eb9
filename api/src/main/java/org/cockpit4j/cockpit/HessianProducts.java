package org.cockpit4j.cockpit;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.extension.CurvatureProducts;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.quantity.HessianOperator;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * The Hessian of the step's loss as a {@link HessianOperator}: exact Hessian-vector products by the
 * extensions' R-operator ({@link CurvatureProducts}), vectors moved between host (float64) and the
 * parameters' backend and dtype.
 */
final class HessianProducts implements HessianOperator {
  private final CurvatureProducts products;
  private final Loss loss;
  private final List<Parameter> parameters;
  private final int dimension;
  private int count;

  HessianProducts(CurvatureProducts products, Loss loss, List<Parameter> parameters) {
    this.products = products;
    this.loss = loss;
    this.parameters = parameters;
    int total = 0;
    for (Parameter parameter : parameters) {
      total += parameter.size();
    }
    this.dimension = total;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public double[] apply(double[] vector) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "A Hessian-vector product needs a vector of "
              + dimension
              + " entries, got "
              + vector.length);
    }
    double[] result = new double[dimension];
    try (TensorScope scope = TensorScope.open()) {
      List<Tensor> direction = new ArrayList<>();
      int offset = 0;
      for (Parameter parameter : parameters) {
        Tensor value = parameter.value();
        Backend backend = value.backend();
        DType dtype = value.dtype();
        double[] part = new double[parameter.size()];
        System.arraycopy(vector, offset, part, 0, part.length);
        direction.add(backend.fromArray(part, value.shape(), dtype));
        offset += part.length;
      }
      List<Tensor> product = products.hessianVectorProduct(loss, direction);
      offset = 0;
      for (Tensor part : product) {
        double[] values = part.toDoubleArray();
        System.arraycopy(values, 0, result, offset, values.length);
        offset += values.length;
      }
    }
    count++;
    return result;
  }

  @Override
  public int productCount() {
    return count;
  }
}
