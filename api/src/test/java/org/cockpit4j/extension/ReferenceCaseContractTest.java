package org.cockpit4j.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.model.LayerRegistry;
import org.cockpit4j.model.LayerSpec;
import org.cockpit4j.nn.CrossEntropyLoss;
import org.cockpit4j.nn.Initializer;
import org.cockpit4j.nn.Loss;
import org.cockpit4j.nn.MseLoss;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.nn.Sequential;
import org.cockpit4j.reference.HessianFacts;
import org.cockpit4j.reference.ReferenceCase;
import org.cockpit4j.reference.ReferenceCases;
import org.cockpit4j.reference.ReferenceReader;
import org.cockpit4j.reference.ReferenceStep;
import org.cockpit4j.reference.TensorData;
import org.cockpit4j.reference.Tolerance;
import org.cockpit4j.reference.ToleranceReport;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every step of every reference case ({@code shared/reference}, skipped when absent) against the
 * original: the {@code backpack} section (grad, batch_grad, batch_l2, sum_grad_squared, variance,
 * diag_ggn_exact, diag_h), {@code derived} (batch_dot, batch_l2_total) and {@code hessian} (the
 * full Hessian built from Hessian-vector products: trace, extreme eigenvalues, Frobenius norm), at
 * the tolerances of FORMAT.md §8. The model is built from the file's layer objects by {@link
 * LayerRegistry}.
 */
public abstract class ReferenceCaseContractTest {
  /** Eigenvalues of a Hessian assembled from products: float64 rounding of a dense eigensolver. */
  private static final Tolerance EIGENVALUES = new Tolerance(1e-9, 1e-12);

  /** The backend under test. */
  protected abstract Backend backend();

  @TestFactory
  Stream<DynamicTest> everyStepOfEveryCase() {
    Optional<Path> directory = ReferenceCases.findDirectory();
    assumeTrue(
        directory.isPresent(),
        "No reference directory: set -D"
            + ReferenceCases.PROPERTY
            + " or put shared/reference beside the repository");
    List<Path> files = ReferenceCases.caseFiles(directory.get());
    assumeTrue(!files.isEmpty(), "The reference directory has no case files");
    return files.stream()
        .flatMap(
            file -> {
              ReferenceCase reference = ReferenceReader.read(file);
              return reference.steps().stream()
                  .map(
                      step ->
                          DynamicTest.dynamicTest(
                              reference.name() + " step " + step.globalStep(),
                              () -> check(reference, step)));
            });
  }

  private void check(ReferenceCase reference, ReferenceStep step) {
    Backend backend = backend();
    List<LayerSpec> specs = new ArrayList<>();
    for (org.cockpit4j.reference.LayerSpec layer : reference.model().layers()) {
      specs.add(LayerSpec.fromReference(layer));
    }
    Sequential model =
        LayerRegistry.builtIn()
            .buildSequential(specs, new Initializer(backend, DType.FLOAT64, reference.seed()));
    List<double[]> values = new ArrayList<>();
    for (TensorData parameter : step.params()) {
      values.add(parameter.data());
    }
    model.setParameterValues(values);
    assertEquals(
        reference.parameters().stream().map(p -> p.name()).toList(),
        model.parameterNames(),
        reference.name() + ": parameter names");
    Loss loss = reference.loss().isCrossEntropy() ? new CrossEntropyLoss() : new MseLoss();
    String where = reference.name() + " step " + step.globalStep() + " ";
    try (TensorScope scope = TensorScope.open()) {
      Tensor inputs = step.inputs().toTensor(backend, DType.FLOAT64);
      Tensor targets = targets(backend, step);
      loss.forward(model.forward(inputs), targets);
      CollectingConsumer results = new CollectingConsumer();
      ExtendedBackward.of(model)
          .backward(
              loss,
              ExtensionSet.of(
                  Extensions.BATCH_GRAD,
                  Extensions.BATCH_L2,
                  Extensions.SUM_GRAD_SQUARED,
                  Extensions.VARIANCE,
                  Extensions.BATCH_DOT,
                  Extensions.DIAG_GGN_EXACT,
                  Extensions.DIAG_HESSIAN),
              results);
      List<Parameter> parameters = model.parameters();
      for (int p = 0; p < parameters.size(); p++) {
        Parameter parameter = parameters.get(p);
        String name = where + parameter.name() + " ";
        assertClose(
            Tolerance.FLOAT64_SUMS,
            parameter.gradient(),
            step.backpack("grad").get(p),
            name + "grad");
        check(results, Extensions.BATCH_GRAD, parameter, step, "batch_grad", p, name);
        check(results, Extensions.BATCH_L2, parameter, step, "batch_l2", p, name);
        check(results, Extensions.SUM_GRAD_SQUARED, parameter, step, "sum_grad_squared", p, name);
        check(results, Extensions.VARIANCE, parameter, step, "variance", p, name);
        check(results, Extensions.DIAG_GGN_EXACT, parameter, step, "diag_ggn_exact", p, name);
        check(results, Extensions.DIAG_HESSIAN, parameter, step, "diag_h", p, name);
      }
      assertClose(
          Tolerance.FLOAT64_SUMS,
          results.sumOverParameters(Extensions.BATCH_DOT, parameters),
          step.derived().batchDot(),
          where + "derived.batch_dot");
      assertClose(
          Tolerance.FLOAT64_SUMS,
          results.sumOverParameters(Extensions.BATCH_L2, parameters),
          step.derived().batchL2Total(),
          where + "derived.batch_l2_total");
      checkHessian(model, loss, step.hessian(), results, where);
    }
  }

  private static void checkHessian(
      Sequential model, Loss loss, HessianFacts facts, CollectingConsumer results, String where) {
    int dimension = (int) model.parameterCount();
    assertEquals(facts.dim(), dimension, where + "hessian.dim");
    CurvatureProducts products = CurvatureProducts.of(model);
    double[][] columns = new double[dimension][];
    for (int j = 0; j < dimension; j++) {
      try (TensorScope inner = TensorScope.open()) {
        columns[j] = hessianColumn(products, model, loss, j, dimension);
      }
    }
    double[][] hessian = new double[dimension][dimension];
    double trace = 0;
    for (int i = 0; i < dimension; i++) {
      trace += columns[i][i];
      for (int j = 0; j < dimension; j++) {
        hessian[i][j] = 0.5 * (columns[i][j] + columns[j][i]);
      }
    }
    assertClose(Tolerance.FLOAT64_SUMS, trace, facts.trace(), where + "hessian.trace (Σ e_iᵀHe_i)");
    double diagonalSum = 0;
    for (double value :
        ExtensionContractTest.concatenated(results, Extensions.DIAG_HESSIAN, model.parameters())) {
      diagonalSum += value;
    }
    assertClose(
        Tolerance.FLOAT64_SUMS, diagonalSum, facts.trace(), where + "hessian.trace (Σ diag_h)");
    double[] eigenvalues = SymmetricEigenvalues.of(hessian);
    double scale = SymmetricEigenvalues.frobeniusNorm(hessian);
    Tolerance eigen = new Tolerance(EIGENVALUES.rtol(), EIGENVALUES.atol() * Math.max(1, scale));
    assertClose(eigen, eigenvalues[dimension - 1], facts.eigMax(), where + "hessian.eig_max");
    assertClose(eigen, eigenvalues[0], facts.eigMin(), where + "hessian.eig_min");
    assertClose(EIGENVALUES, scale, facts.frobeniusNorm(), where + "hessian.frobenius_norm");
  }

  private static double[] hessianColumn(
      CurvatureProducts products, Sequential model, Loss loss, int index, int dimension) {
    double[] unit = new double[dimension];
    unit[index] = 1.0;
    List<Tensor> direction = new ArrayList<>();
    int offset = 0;
    for (Parameter parameter : model.parameters()) {
      double[] part = java.util.Arrays.copyOfRange(unit, offset, offset + parameter.size());
      direction.add(parameter.value().backend().fromArray(part, parameter.shape(), DType.FLOAT64));
      offset += parameter.size();
    }
    List<double[]> parts = new ArrayList<>();
    for (Tensor part : products.hessianVectorProduct(loss, direction)) {
      parts.add(part.toDoubleArray());
    }
    return TinyNet.concatenate(parts);
  }

  private static Tensor targets(Backend backend, ReferenceStep step) {
    if (step.labels() != null) {
      int[] labels = step.labels();
      double[] values = new double[labels.length];
      for (int i = 0; i < labels.length; i++) {
        values[i] = labels[i];
      }
      return backend.fromArray(values, Shape.of(labels.length), DType.FLOAT64);
    }
    return step.targets().toTensor(backend, DType.FLOAT64);
  }

  private static void check(
      CollectingConsumer results,
      Extension extension,
      Parameter parameter,
      ReferenceStep step,
      String key,
      int index,
      String where) {
    Tolerance tolerance =
        extension.equals(Extensions.VARIANCE) ? Tolerance.VARIANCE : Tolerance.FLOAT64_SUMS;
    assertClose(
        tolerance, results.get(extension, parameter), step.backpack(key).get(index), where + key);
  }

  private static void assertClose(
      Tolerance tolerance, Tensor actual, TensorData expected, String what) {
    assertEquals(expected.shape(), actual.shape(), what + ": shape");
    ToleranceReport report = tolerance.compare(actual.toDoubleArray(), expected.data());
    assertTrue(report.passed(), report.describe(what));
  }

  private static void assertClose(
      Tolerance tolerance, double actual, double expected, String what) {
    ToleranceReport report = tolerance.compare(actual, expected);
    assertTrue(report.passed(), report.describe(what));
  }
}
