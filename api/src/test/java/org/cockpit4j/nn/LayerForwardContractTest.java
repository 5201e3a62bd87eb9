package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.DType;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Forward values of the layers against the brute-force loops of {@link BruteForce} (float64). */
public abstract class LayerForwardContractTest extends NnContractBase {
  private static final double TOLERANCE = 1e-12;

  @Test
  void linearMatchesLoops() {
    Linear layer = new Linear(init(1), 5, 3);
    Tensor input = random(2, 4, 5);
    double[] expected =
        BruteForce.linear(
            input.toDoubleArray(),
            layer.weight().value().toDoubleArray(),
            layer.bias().value().toDoubleArray(),
            4,
            5,
            3);
    NnTesting.assertTensor(Shape.of(4, 3), expected, layer.forward(input), TOLERANCE, "linear");
    assertEquals(input, layer.lastInput());
  }

  @Test
  void linearWithoutBiasMatchesLoops() {
    Linear layer = new Linear(init(3), 5, 2, false);
    Tensor input = random(4, 3, 5);
    double[] expected =
        BruteForce.linear(
            input.toDoubleArray(), layer.weight().value().toDoubleArray(), null, 3, 5, 2);
    NnTesting.assertTensor(Shape.of(3, 2), expected, layer.forward(input), TOLERANCE, "linear");
  }

  @Test
  void convolutionsMatchDirectLoops() {
    ConvGeometry[] geometries = {
      ConvGeometry.square(3, 1, 0),
      ConvGeometry.square(3, 2, 1),
      new ConvGeometry(3, 2, 2, 1, 1, 2, 2, 1),
      new ConvGeometry(1, 1, 1, 1, 0, 0, 1, 1),
      ConvGeometry.square(5, 1, 2)
    };
    for (int k = 0; k < geometries.length; k++) {
      ConvGeometry geometry = geometries[k];
      for (boolean withBias : new boolean[] {true, false}) {
        Conv2d layer = new Conv2d(init(5 + k), 2, 3, geometry, withBias);
        Tensor input = random(20 + k, 2, 2, 7, 6);
        double[] expected =
            BruteForce.conv2d(
                input.toDoubleArray(),
                layer.weight().value().toDoubleArray(),
                withBias ? layer.bias().value().toDoubleArray() : null,
                2,
                2,
                7,
                6,
                3,
                geometry);
        Shape shape = Shape.of(2, 3, geometry.outputHeight(7), geometry.outputWidth(6));
        NnTesting.assertTensor(
            shape, expected, layer.forward(input), TOLERANCE, "conv2d " + geometry);
        int positions = shape.dim(2) * shape.dim(3);
        assertEquals(
            Shape.of(2, 2 * geometry.kernelHeight() * geometry.kernelWidth(), positions),
            layer.unfoldedInput().shape());
      }
    }
  }

  @Test
  void maxPoolingMatchesLoops() {
    ConvGeometry[] geometries = {
      ConvGeometry.square(2, 2, 0), ConvGeometry.square(3, 2, 1), ConvGeometry.square(3, 1, 1)
    };
    for (ConvGeometry geometry : geometries) {
      MaxPool2d layer = new MaxPool2d(geometry);
      Tensor input = random(30, 2, 3, 7, 6);
      double[] expected = BruteForce.maxPool2d(input.toDoubleArray(), 6, 7, 6, geometry);
      Shape shape = Shape.of(2, 3, geometry.outputHeight(7), geometry.outputWidth(6));
      NnTesting.assertTensor(shape, expected, layer.forward(input), 0, "maxpool2d " + geometry);
      assertEquals(shape, layer.indices().shape());
    }
  }

  @Test
  void maxPoolingOfNegativeValuesNeverPicksThePadding() {
    MaxPool2d layer = new MaxPool2d(3, 2, 1);
    double[] values = new double[16];
    Arrays.fill(values, -5);
    values[5] = -1;
    Tensor output = layer.forward(tensor(values, 1, 1, 4, 4));
    for (double v : output.toDoubleArray()) {
      assertTrue(v < 0, "padding zero won a window: " + v);
    }
  }

  @Test
  void averagePoolingMatchesLoopsCountingPadding() {
    ConvGeometry[] geometries = {
      ConvGeometry.square(2, 2, 0), ConvGeometry.square(3, 2, 1), ConvGeometry.square(6, 6, 0)
    };
    for (ConvGeometry geometry : geometries) {
      AvgPool2d layer = new AvgPool2d(geometry);
      Tensor input = random(31, 2, 3, 7, 6);
      double[] expected = BruteForce.avgPool2d(input.toDoubleArray(), 6, 7, 6, geometry);
      Shape shape = Shape.of(2, 3, geometry.outputHeight(7), geometry.outputWidth(6));
      NnTesting.assertTensor(
          shape, expected, layer.forward(input), TOLERANCE, "avgpool2d " + geometry);
    }
  }

  @Test
  void activationsMatchTheirFormulas() {
    Tensor input = random(40, 3, 4);
    double[] x = input.toDoubleArray();
    double[] relu = new double[x.length];
    double[] leaky = new double[x.length];
    double[] sigmoid = new double[x.length];
    double[] tanh = new double[x.length];
    double[] sigmoidSecond = new double[x.length];
    double[] tanhSecond = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      relu[i] = Math.max(x[i], 0);
      leaky[i] = x[i] > 0 ? x[i] : 0.2 * x[i];
      sigmoid[i] = 1 / (1 + Math.exp(-x[i]));
      tanh[i] = Math.tanh(x[i]);
      double s = sigmoid[i];
      sigmoidSecond[i] = s * (1 - s) * (1 - 2 * s);
      tanhSecond[i] = -2 * tanh[i] * (1 - tanh[i] * tanh[i]);
    }
    Shape shape = Shape.of(3, 4);
    NnTesting.assertTensor(shape, relu, new ReLU().forward(input), TOLERANCE, "relu");
    NnTesting.assertTensor(shape, leaky, new LeakyReLU(0.2).forward(input), TOLERANCE, "leaky");
    Sigmoid sigmoidLayer = new Sigmoid();
    NnTesting.assertTensor(shape, sigmoid, sigmoidLayer.forward(input), TOLERANCE, "sigmoid");
    NnTesting.assertTensor(
        shape, sigmoidSecond, sigmoidLayer.secondDerivative(), TOLERANCE, "sigmoid f''");
    Tanh tanhLayer = new Tanh();
    NnTesting.assertTensor(shape, tanh, tanhLayer.forward(input), TOLERANCE, "tanh");
    NnTesting.assertTensor(shape, tanhSecond, tanhLayer.secondDerivative(), TOLERANCE, "tanh f''");
  }

  @Test
  void derivativesAtZeroFollowPyTorch() {
    Tensor zeros = tensor(new double[] {0, 0}, 1, 2);
    ReLU relu = new ReLU();
    relu.forward(zeros);
    assertEquals(0.0, relu.derivative().toDoubleArray()[0]);
    LeakyReLU leaky = new LeakyReLU(0.1);
    leaky.forward(zeros);
    assertEquals(0.1, leaky.derivative().toDoubleArray()[0], 1e-15);
  }

  @Test
  void flattenIsARowMajorView() {
    Tensor input = random(41, 2, 3, 2, 2);
    Tensor output = new Flatten().forward(input);
    assertEquals(Shape.of(2, 12), output.shape());
    NnTesting.assertClose(input.toDoubleArray(), output.toDoubleArray(), 0, 0, "flatten");
  }

  @Test
  void dropoutIsDeterministicScaledAndOffInEvaluation() {
    double p = 0.3;
    Tensor input = backend.full(Shape.of(50, 40), DType.FLOAT64, 1.0);
    Dropout first = new Dropout(p, 99);
    Dropout twin = new Dropout(p, 99);
    double[] a = first.forward(input).toDoubleArray();
    double[] b = twin.forward(input).toDoubleArray();
    NnTesting.assertClose(a, b, 0, 0, "same seed, same forward count");
    int kept = 0;
    for (double v : a) {
      assertTrue(v == 0 || Math.abs(v - 1 / (1 - p)) < 1e-12, "dropout value " + v);
      kept += v == 0 ? 0 : 1;
    }
    double keptFraction = kept / (double) a.length;
    assertEquals(1 - p, keptFraction, 0.04, "kept fraction");
    double[] second = first.forward(input).toDoubleArray();
    assertNotEquals(Arrays.toString(a), Arrays.toString(second), "a new mask per forward pass");
    assertEquals(2, first.forwardCount());

    first.setTraining(false);
    NnTesting.assertClose(
        input.toDoubleArray(), first.forward(input).toDoubleArray(), 0, 0, "evaluation mode");
    assertNull(first.mask());
    assertEquals(2, first.forwardCount());
  }

  @Test
  void sequentialPassesTheTrainingSwitchOn() {
    Dropout dropout = new Dropout(0.5, 7);
    Sequential network = new Sequential(new Residual(new Sequential(dropout)), new Identity());
    network.setTraining(false);
    Tensor input = random(42, 3, 4);
    Tensor output = network.forward(input);
    double[] doubled = input.multiply(2.0).toDoubleArray();
    NnTesting.assertClose(doubled, output.toDoubleArray(), 0, 0, "x + dropout_eval(x)");
    network.setTraining(true);
    assertTrue(dropout.isTraining());
  }
}
