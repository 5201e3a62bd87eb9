package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.function.ToDoubleFunction;
import org.cockpit4j.backend.Backend;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Tensor;
import org.cockpit4j.tensor.TensorScope;

/**
 * Central-difference gradient checks in float64: {@code ∂f/∂θ_i ≈ (f(θ + h e_i) − f(θ − h e_i))/2h}
 * with {@code h = 1e-6}, compared with {@code |analytic − numeric| ≤ 1e-7 + 1e-6·|numeric|}.
 *
 * <p>A layer is checked through the scalar {@code f(x, θ) = Σ r ⊙ layer(x)} with fixed random
 * output weights {@code r}: then {@code backward(r)} must return {@code ∂f/∂x} and set {@code
 * ∂f/∂θ}.
 */
public final class GradientCheck {
  private static final double STEP = 1e-6;
  private static final double RELATIVE = 1e-6;
  private static final double ABSOLUTE = 1e-7;

  private GradientCheck() {}

  /** Checks the input gradient and every parameter gradient of {@code layer} at {@code input}. */
  public static void checkLayer(Layer layer, Tensor input, long seed) {
    if (input.dtype() != DType.FLOAT64) {
      throw new IllegalArgumentException("gradient checks need float64, got " + input.dtype());
    }
    Backend backend = input.backend();
    Tensor output = layer.forward(input);
    Tensor weights = NnTesting.randomTensor(backend, output.shape(), seed);
    Tensor inputGradient = layer.backward(weights);
    assertNotNull(inputGradient, layer.type() + " returned no input gradient");
    double[] analyticInput = inputGradient.toDoubleArray();

    double[] inputValues = input.toDoubleArray();
    double[] numericInput =
        numericGradient(
            inputValues,
            values -> {
              try (TensorScope scope = TensorScope.open()) {
                return objective(
                    layer, backend.fromArray(values, input.shape(), DType.FLOAT64), weights);
              }
            });
    NnTesting.assertClose(
        numericInput, analyticInput, RELATIVE, ABSOLUTE, layer.type() + " input gradient");

    for (Parameter parameter : layer.parameters()) {
      assertNotNull(parameter.gradient(), parameter.name() + " has no gradient after backward");
      double[] analytic = parameter.gradient().toDoubleArray();
      double[] original = parameter.value().toDoubleArray();
      double[] numeric =
          numericGradient(
              original,
              values -> {
                parameter.setValues(values);
                return objective(layer, input, weights);
              });
      parameter.setValues(original);
      NnTesting.assertClose(
          numeric, analytic, RELATIVE, ABSOLUTE, layer.type() + " gradient of " + parameter.name());
    }
  }

  /** Checks {@code loss.backward()} against central differences of {@code loss.forward}. */
  public static void checkLoss(Loss loss, Tensor outputs, Tensor targets) {
    loss.forward(outputs, targets);
    double[] analytic = loss.backward().toDoubleArray();
    double[] numeric =
        numericGradient(
            outputs.toDoubleArray(),
            values -> {
              try (TensorScope scope = TensorScope.open()) {
                Tensor perturbed =
                    outputs.backend().fromArray(values, outputs.shape(), DType.FLOAT64);
                return loss.forward(perturbed, targets).value();
              }
            });
    NnTesting.assertClose(numeric, analytic, RELATIVE, ABSOLUTE, loss.type() + " gradient");
  }

  /** The central-difference gradient of {@code f} at {@code point} (restored afterwards). */
  public static double[] numericGradient(double[] point, ToDoubleFunction<double[]> f) {
    double[] values = point.clone();
    double[] gradient = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double original = values[i];
      values[i] = original + STEP;
      double plus = f.applyAsDouble(values);
      values[i] = original - STEP;
      double minus = f.applyAsDouble(values);
      values[i] = original;
      gradient[i] = (plus - minus) / (2 * STEP);
    }
    return gradient;
  }

  private static double objective(Layer layer, Tensor input, Tensor weights) {
    try (TensorScope scope = TensorScope.open()) {
      return layer.forward(input).multiply(weights).sum().item();
    }
  }
}
