package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.DType;
import org.junit.jupiter.api.Test;

/**
 * PyTorch-default initialisation (bounds, statistics, determinism, dtype consistency), PyTorch
 * parameter naming and order, and setting parameter values from arrays.
 */
public abstract class InitializationContractTest extends NnContractBase {

  @Test
  void linearWeightsAndBiasesAreUniformWithinTheFanInBound() {
    Linear layer = new Linear(init(1), 400, 50);
    double bound = 1 / Math.sqrt(400);
    double[] weights = layer.weight().value().toDoubleArray();
    double sum = 0;
    double sumOfSquares = 0;
    for (double w : weights) {
      assertTrue(Math.abs(w) <= bound, "weight " + w + " outside ±" + bound);
      sum += w;
      sumOfSquares += w * w;
    }
    double mean = sum / weights.length;
    double variance = sumOfSquares / weights.length - mean * mean;
    // U(-b, b): mean 0, variance b²/3; 20000 draws give a standard error of about 0.4% of b
    assertEquals(0.0, mean, 0.02 * bound);
    assertEquals(bound * bound / 3, variance, 0.03 * bound * bound / 3);
    for (double b : layer.bias().value().toDoubleArray()) {
      assertTrue(Math.abs(b) <= bound, "bias " + b + " outside ±" + bound);
    }
  }

  @Test
  void convolutionBoundUsesChannelsTimesKernel() {
    Conv2d layer = new Conv2d(init(2), 3, 8, ConvGeometry.square(3, 1, 1), true);
    double bound = 1 / Math.sqrt(27);
    double largest = 0;
    for (double w : layer.weight().value().toDoubleArray()) {
      largest = Math.max(largest, Math.abs(w));
    }
    assertTrue(largest <= bound && largest > 0.8 * bound, "largest |w| " + largest);
  }

  @Test
  void sameSeedSameValuesOtherSeedOtherValues() {
    double[] first = new Linear(init(7), 6, 4).weight().value().toDoubleArray();
    double[] again = new Linear(init(7), 6, 4).weight().value().toDoubleArray();
    double[] other = new Linear(init(8), 6, 4).weight().value().toDoubleArray();
    assertTrue(Arrays.equals(first, again));
    assertTrue(!Arrays.equals(first, other));
  }

  @Test
  void consecutiveParametersDrawFreshValues() {
    Initializer init = init(9);
    Linear a = new Linear(init, 5, 5);
    Linear b = new Linear(init, 5, 5);
    assertNotEquals(
        Arrays.toString(a.weight().value().toDoubleArray()),
        Arrays.toString(b.weight().value().toDoubleArray()));
    assertEquals(2 * (25 + 5), init.offset());
  }

  @Test
  void float32AndFloat64AgreeUpToRounding() {
    double[] wide = new Linear(init(11), 7, 3).weight().value().toDoubleArray();
    double[] narrow =
        new Linear(new Initializer(backend, DType.FLOAT32, 11), 7, 3)
            .weight()
            .value()
            .toDoubleArray();
    NnTesting.assertClose(wide, narrow, 1e-6, 1e-7, "float32 vs float64 init");
  }

  @Test
  void parameterNamesFollowPyTorch() {
    Initializer init = init(12);
    Sequential network =
        new Sequential(
            new Conv2d(init, 1, 2, ConvGeometry.square(3, 1, 1), false),
            new ReLU(),
            new Flatten(),
            new Linear(init, 8, 4),
            new Residual(new Sequential(new Linear(init, 4, 4), new Tanh())),
            new Sequential(new Linear(init, 4, 3), new Linear(init, 3, 2, false)));
    assertEquals(
        List.of(
            "0.weight",
            "3.weight",
            "3.bias",
            "4.inner.0.weight",
            "4.inner.0.bias",
            "5.0.weight",
            "5.0.bias",
            "5.1.weight"),
        network.parameterNames());
    assertEquals("bias", network.parameters().get(2).kind());
    assertEquals(18 + 32 + 4 + 16 + 4 + 12 + 3 + 6, network.parameterCount());
  }

  @Test
  void parameterValuesCanBeSetFromArrays() {
    Initializer init = init(13);
    Sequential network = new Sequential(new Linear(init, 2, 2), new Linear(init, 2, 1, false));
    double[] weight = {1, 2, 3, 4};
    double[] bias = {-1, 1};
    double[] second = {0.5, -0.5};
    network.setParameterValues(List.of(weight, bias, second));
    NnTesting.assertClose(
        weight, network.parameters().get(0).value().toDoubleArray(), 0, 0, "weight");
    double[] output = network.forward(tensor(new double[] {1, 1}, 1, 2)).toDoubleArray();
    // hidden = [1+2-1, 3+4+1] = [2, 8]; output = 0.5*2 - 0.5*8 = -3
    assertEquals(-3.0, output[0], 1e-15);
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> network.parameters().get(1).setValues(new double[3]));
    assertTrue(error.getMessage().contains("0.bias"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> network.setParameterValues(List.of(weight)));
  }
}
