package org.cockpit4j.cockpit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
  private final List<Parameter> modelParameters;
  private final List<Parameter> parameters;
  private final int dimension;
  private int count;

  /**
   * The Hessian block of {@code parameters} (all of the model's, or a subset) for {@code loss} at
   * the model's last forward pass.
   */
  HessianProducts(
      CurvatureProducts products,
      Loss loss,
      List<Parameter> modelParameters,
      List<Parameter> parameters) {
    this.products = products;
    this.loss = loss;
    this.modelParameters = modelParameters;
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
      Map<Parameter, Tensor> parts = new IdentityHashMap<>();
      int offset = 0;
      for (Parameter parameter : parameters) {
        double[] part = new double[parameter.size()];
        System.arraycopy(vector, offset, part, 0, part.length);
        parts.put(parameter, fromHost(parameter, part));
        offset += part.length;
      }
      List<Tensor> direction = new ArrayList<>();
      for (Parameter parameter : modelParameters) {
        Tensor part = parts.get(parameter);
        direction.add(part != null ? part : fromHost(parameter, new double[parameter.size()]));
      }
      List<Tensor> product = products.hessianVectorProduct(loss, direction);
      Map<Parameter, Tensor> byParameter = new IdentityHashMap<>();
      for (int i = 0; i < modelParameters.size(); i++) {
        byParameter.put(modelParameters.get(i), product.get(i));
      }
      offset = 0;
      for (Parameter parameter : parameters) {
        double[] values = byParameter.get(parameter).toDoubleArray();
        System.arraycopy(values, 0, result, offset, values.length);
        offset += values.length;
      }
    }
    count++;
    return result;
  }

  private static Tensor fromHost(Parameter parameter, double[] values) {
    Tensor value = parameter.value();
    Backend backend = value.backend();
    DType dtype = value.dtype();
    return backend.fromArray(values, value.shape(), dtype);
  }

  @Override
  public int productCount() {
    return count;
  }
}
