package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.cockpit4j.backend.ConvGeometry;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Central-difference gradient checks (float64) of every layer's input and parameter gradients on
 * tiny shapes: convolutions with stride, padding, dilation and without bias; pools with overlapping
 * windows and padding; containers.
 */
public abstract class LayerGradientContractTest extends NnContractBase {

  @Test
  void linearWithBias() {
    GradientCheck.checkLayer(new Linear(init(1), 4, 3), random(2, 5, 4), 3);
  }

  @Test
  void linearWithoutBias() {
    Linear layer = new Linear(init(1), 4, 3, false);
    assertEquals(1, layer.parameters().size());
    GradientCheck.checkLayer(layer, random(2, 2, 4), 3);
  }

  @Test
  void conv2dPlain() {
    Conv2d layer = new Conv2d(init(4), 2, 3, ConvGeometry.square(3, 1, 0), true);
    GradientCheck.checkLayer(layer, random(5, 2, 2, 5, 5), 6);
  }

  @Test
  void conv2dStridePaddingDilation() {
    ConvGeometry geometry = new ConvGeometry(3, 2, 2, 1, 1, 2, 2, 1);
    Conv2d layer = new Conv2d(init(7), 2, 3, geometry, true);
    GradientCheck.checkLayer(layer, random(8, 2, 2, 7, 6), 9);
  }

  @Test
  void conv2dWithoutBiasAndTrailingRowsIgnored() {
    // stride 2 over height 6 with a 3x3 kernel: the last row fills no window
    Conv2d layer = new Conv2d(init(10), 2, 2, ConvGeometry.square(3, 2, 0), false);
    assertEquals(1, layer.parameters().size());
    GradientCheck.checkLayer(layer, random(11, 2, 2, 6, 6), 12);
  }

  @Test
  void maxPoolOverlappingWindowsWithPadding() {
    GradientCheck.checkLayer(new MaxPool2d(3, 2, 1), random(13, 2, 2, 6, 5), 14);
  }

  @Test
  void maxPoolDisjointWindows() {
    GradientCheck.checkLayer(new MaxPool2d(2), random(15, 2, 3, 4, 4), 16);
  }

  @Test
  void avgPoolOverlappingWindowsWithPadding() {
    GradientCheck.checkLayer(new AvgPool2d(3, 2, 1), random(17, 2, 2, 6, 5), 18);
  }

  @Test
  void avgPoolDisjointWindows() {
    GradientCheck.checkLayer(new AvgPool2d(2), random(19, 2, 2, 4, 6), 20);
  }

  @Test
  void activations() {
    GradientCheck.checkLayer(new ReLU(), random(21, 3, 5), 22);
    GradientCheck.checkLayer(new LeakyReLU(0.1), random(23, 3, 5), 24);
    GradientCheck.checkLayer(new Sigmoid(), random(25, 3, 5), 26);
    GradientCheck.checkLayer(new Tanh(), random(27, 3, 2, 3), 28);
  }

  @Test
  void shapeLayers() {
    GradientCheck.checkLayer(new Flatten(), random(29, 2, 3, 2, 2), 30);
    GradientCheck.checkLayer(new Identity(), random(31, 2, 3), 32);
  }

  @Test
  void dropoutInEvaluationModeIsIdentity() {
    Dropout dropout = new Dropout(0.5, 33);
    dropout.setTraining(false);
    GradientCheck.checkLayer(dropout, random(34, 3, 4), 35);
  }

  @Test
  void dropoutBackwardMultipliesByTheMask() {
    Dropout dropout = new Dropout(0.3, 36);
    Tensor input = random(37, 4, 6);
    dropout.forward(input);
    Tensor gradient = random(38, 4, 6);
    double[] mask = dropout.mask().toDoubleArray();
    double[] upstream = gradient.toDoubleArray();
    double[] expected = new double[mask.length];
    for (int i = 0; i < mask.length; i++) {
      expected[i] = upstream[i] * mask[i];
    }
    NnTesting.assertClose(
        expected, dropout.backward(gradient).toDoubleArray(), 0, 0, "dropout backward");
  }

  @Test
  void sequentialConvolutionalNetwork() {
    Initializer init = init(39);
    Sequential network =
        new Sequential(
            new Conv2d(init, 2, 3, ConvGeometry.square(3, 1, 1), true),
            new LeakyReLU(0.1),
            new MaxPool2d(2),
            new Conv2d(init, 3, 2, ConvGeometry.square(2, 1, 0), false),
            new Sigmoid(),
            new AvgPool2d(2, 1, 0),
            new Flatten(),
            new Linear(init, 2, 3),
            new Tanh(),
            new Linear(init, 3, 2));
    GradientCheck.checkLayer(network, random(40, 2, 2, 6, 6), 41);
  }

  @Test
  void residualBlocksInsideSequential() {
    Initializer init = init(42);
    Sequential network =
        new Sequential(
            new Linear(init, 4, 5),
            new Tanh(),
            new Residual(new Sequential(new Linear(init, 5, 5), new Sigmoid())),
            new Residual(new Linear(init, 5, 5, false)),
            new Linear(init, 5, 2));
    GradientCheck.checkLayer(network, random(43, 3, 4), 44);
  }

  @Test
  void sequentialSkipsTheFirstInputGradientWhenNotNeeded() {
    Initializer init = init(45);
    Sequential network = new Sequential(new Linear(init, 3, 4), new ReLU(), new Linear(init, 4, 2));
    Tensor input = random(46, 2, 3);
    network.forward(input);
    Tensor gradient = random(47, 2, 2);
    assertNull(network.backward(gradient, false));
    double[] withoutInput = network.parameters().get(0).gradient().toDoubleArray();
    network.forward(input);
    network.backward(gradient, true);
    NnTesting.assertClose(
        network.parameters().get(0).gradient().toDoubleArray(),
        withoutInput,
        0,
        0,
        "weight gradient with and without input gradient");
  }
}
