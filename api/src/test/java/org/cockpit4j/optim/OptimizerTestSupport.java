package org.cockpit4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.nn.Parameter;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;

/** Host-side helpers for the optimizer tests: float64 parameters, gradients and comparisons. */
public final class OptimizerTestSupport {
  /** Shapes of the test parameters: a weight, a bias and a scalar-like one-element tensor. */
  static final List<Shape> SHAPES = List.of(Shape.of(3, 4), Shape.of(3), Shape.of(1));

  private OptimizerTestSupport() {}

  /** Uniform values in [−1, 1) with every seventh entry exactly 0 (dead units). */
  static double[] randomArray(Random random, int size) {
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = i % 7 == 3 ? 0.0 : 2 * random.nextDouble() - 1;
    }
    return values;
  }

  /** Float64 parameters of {@link #SHAPES} with the given host values. */
  static List<Parameter> parameters(Backend backend, List<double[]> values) {
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < SHAPES.size(); i++) {
      parameters.add(
          new Parameter(
              i + ".weight",
              "weight",
              backend.fromArray(values.get(i), SHAPES.get(i), DType.FLOAT64)));
    }
    return parameters;
  }

  /** One random array per shape of {@link #SHAPES}. */
  static List<double[]> randomArrays(Random random) {
    List<double[]> arrays = new ArrayList<>();
    for (Shape shape : SHAPES) {
      arrays.add(randomArray(random, shape.sizeAsInt()));
    }
    return arrays;
  }

  /** Deep copy of per-parameter host arrays. */
  static List<double[]> copy(List<double[]> arrays) {
    List<double[]> copies = new ArrayList<>();
    for (double[] array : arrays) {
      copies.add(array == null ? null : array.clone());
    }
    return copies;
  }

  /** Sets every parameter's gradient to the given host values. */
  static void setGradients(Backend backend, List<Parameter> parameters, List<double[]> gradients) {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      parameter.setGradient(backend.fromArray(gradients.get(i), parameter.shape(), DType.FLOAT64));
    }
  }

  /** The parameters' values on the host. */
  static List<double[]> values(List<Parameter> parameters) {
    List<double[]> values = new ArrayList<>();
    for (Parameter parameter : parameters) {
      values.add(parameter.value().toDoubleArray());
    }
    return values;
  }

  /** Asserts {@code |actual − expected| <= 1e-15 + relative·|expected|} elementwise. */
  public static void assertClose(String what, double[] expected, double[] actual, double relative) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double tolerance = 1e-15 + relative * Math.abs(expected[i]);
      if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
        fail(
            what
                + ": entry "
                + i
                + " is "
                + actual[i]
                + ", expected "
                + expected[i]
                + " (difference "
                + (actual[i] - expected[i])
                + ", tolerance "
                + tolerance
                + ")");
      }
    }
  }

  /** {@link #assertClose} for every parameter of a per-parameter list. */
  static void assertAllClose(
      String what, List<double[]> expected, List<double[]> actual, double relative) {
    assertEquals(expected.size(), actual.size(), what + ": number of parameters");
    for (int i = 0; i < expected.size(); i++) {
      assertClose(what + " of parameter " + i, expected.get(i), actual.get(i), relative);
    }
  }
}
