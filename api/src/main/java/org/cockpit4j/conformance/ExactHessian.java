package org.cockpit4j.conformance;

import java.util.ArrayList;
import java.util.List;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.extension.CurvatureProducts;
import org.cockpit4j.linalg.SymmetricEigenvalues;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.reference.HessianFacts;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * The full D×D Hessian of the loss at the last forward pass, one exact Hessian-vector product per
 * column (for the small nets of reference cases), and the facts FORMAT.md §6.3 records about it.
 */
final class ExactHessian {
  private ExactHessian() {}

  /** The facts of the Hessian of {@code loss} (which holds the forward pass) w.r.t. parameters. */
  static HessianFacts facts(
      CurvatureProducts curvature,
      Loss loss,
      List<Parameter> parameters,
      Backend backend,
      DType dtype) {
    int dimension = 0;
    for (Parameter parameter : parameters) {
      dimension += parameter.size();
    }
    double[][] columns = new double[dimension][];
    int column = 0;
    for (int p = 0; p < parameters.size(); p++) {
      for (int i = 0; i < parameters.get(p).size(); i++) {
        columns[column++] = column(curvature, loss, parameters, backend, dtype, p, i, dimension);
      }
    }
    double[][] symmetric = new double[dimension][dimension];
    double trace = 0;
    for (int i = 0; i < dimension; i++) {
      trace += columns[i][i];
      for (int j = 0; j < dimension; j++) {
        symmetric[i][j] = 0.5 * (columns[i][j] + columns[j][i]);
      }
    }
    double[] eigenvalues = SymmetricEigenvalues.of(symmetric);
    double largest = eigenvalues[dimension - 1];
    double smallest = eigenvalues[0];
    double absMax = Math.abs(largest) >= Math.abs(smallest) ? largest : smallest;
    double[] magnitudes = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      magnitudes[i] = Math.abs(eigenvalues[i]);
    }
    java.util.Arrays.sort(magnitudes);
    double secondAbs = dimension > 1 ? magnitudes[dimension - 2] : 0.0;
    return new HessianFacts(
        dimension,
        trace,
        largest,
        smallest,
        absMax,
        secondAbs,
        SymmetricEigenvalues.frobeniusNorm(symmetric));
  }

  private static double[] column(
      CurvatureProducts curvature,
      Loss loss,
      List<Parameter> parameters,
      Backend backend,
      DType dtype,
      int unitParameter,
      int unitIndex,
      int dimension) {
    try (TensorScope scope = TensorScope.open()) {
      List<Tensor> direction = new ArrayList<>();
      for (int q = 0; q < parameters.size(); q++) {
        double[] values = new double[parameters.get(q).size()];
        if (q == unitParameter) {
          values[unitIndex] = 1.0;
        }
        direction.add(backend.fromArray(values, parameters.get(q).shape(), dtype));
      }
      double[] result = new double[dimension];
      int offset = 0;
      for (Tensor product : curvature.hessianVectorProduct(loss, direction)) {
        double[] values = product.toDoubleArray();
        System.arraycopy(values, 0, result, offset, values.length);
        offset += values.length;
      }
      return result;
    }
  }
}
