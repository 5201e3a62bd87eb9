package org.cockpit4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cockpit4j.ops.OneHot;
import org.cockpit4j.ops.Softmax;
import org.cockpit4j.tensor.Shape;
import org.cockpit4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Cross-entropy and MSE: values against brute-force loops, gradients against central differences,
 * the cached state the curvature extensions read, and input validation. Also softmax and one-hot.
 */
public abstract class LossContractTest extends NnContractBase {
  private static final double TOLERANCE = 1e-12;

  @Test
  void crossEntropyMatchesLoops() {
    Tensor logits = random(1, 5, 4).multiply(3.0);
    double[] classes = {0, 3, 1, 1, 2};
    Tensor targets = tensor(classes, 5);
    CrossEntropyLoss loss = new CrossEntropyLoss();
    LossValue value = loss.forward(logits, targets);
    double[] expected = BruteForce.crossEntropy(logits.toDoubleArray(), classes, 5, 4);
    NnTesting.assertTensor(Shape.of(5), expected, value.individualLosses(), TOLERANCE, "ℓ_n");
    assertEquals(Shape.scalar(), value.loss().shape());
    assertEquals(BruteForce.mean(expected), value.value(), TOLERANCE);
    Tensor probabilities = loss.probabilities();
    NnTesting.assertTensor(
        Shape.of(5, 4),
        Softmax.softmax(logits).toDoubleArray(),
        probabilities,
        TOLERANCE,
        "probabilities");
    assertEquals(logits, loss.lastOutputs());
    assertEquals(targets, loss.lastTargets());
  }

  @Test
  void crossEntropyGradient() {
    GradientCheck.checkLoss(
        new CrossEntropyLoss(),
        random(2, 4, 3).multiply(2.0),
        tensor(new double[] {2, 0, 1, 2}, 4));
  }

  @Test
  void crossEntropyIsStableForHugeLogits() {
    Tensor logits = tensor(new double[] {1000, -1000, 0, 800, 801, 799}, 2, 3);
    CrossEntropyLoss loss = new CrossEntropyLoss();
    LossValue value = loss.forward(logits, tensor(new double[] {0, 2}, 2));
    double[] losses = value.individualLosses().toDoubleArray();
    assertEquals(0.0, losses[0], 1e-12);
    double expected = -(799 - 801 - Math.log(Math.exp(-1) + 1 + Math.exp(-2)));
    assertEquals(expected, losses[1], 1e-12);
    for (double g : loss.backward().toDoubleArray()) {
      assertTrue(Double.isFinite(g));
    }
  }

  @Test
  void crossEntropyRejectsBadTargets() {
    CrossEntropyLoss loss = new CrossEntropyLoss();
    Tensor logits = random(3, 2, 3);
    IllegalArgumentException outOfRange =
        assertThrows(
            IllegalArgumentException.class,
            () -> loss.forward(logits, tensor(new double[] {0, 3}, 2)));
    assertTrue(outOfRange.getMessage().contains("[0, 3)"), outOfRange.getMessage());
    IllegalArgumentException wrongShape =
        assertThrows(
            IllegalArgumentException.class,
            () -> loss.forward(logits, tensor(new double[] {0, 1, 2}, 3)));
    assertTrue(wrongShape.getMessage().contains("[3]"), wrongShape.getMessage());
    assertThrows(IllegalStateException.class, () -> new CrossEntropyLoss().backward());
  }

  @Test
  void mseMatchesLoops() {
    Tensor outputs = random(4, 3, 2);
    Tensor targets = random(5, 3, 2);
    double[] f = outputs.toDoubleArray();
    double[] y = targets.toDoubleArray();
    double[] individual = new double[3];
    double total = 0;
    for (int n = 0; n < 3; n++) {
      for (int d = 0; d < 2; d++) {
        double r = f[n * 2 + d] - y[n * 2 + d];
        individual[n] += r * r / 2;
        total += r * r;
      }
    }
    MseLoss loss = new MseLoss();
    LossValue value = loss.forward(outputs, targets);
    NnTesting.assertTensor(Shape.of(3), individual, value.individualLosses(), TOLERANCE, "ℓ_n");
    assertEquals(total / 6, value.value(), TOLERANCE);
    assertEquals(BruteForce.mean(individual), value.value(), TOLERANCE);
    NnTesting.assertTensor(
        Shape.of(3, 2),
        outputs.subtract(targets).toDoubleArray(),
        loss.residuals(),
        TOLERANCE,
        "residuals");
  }

  @Test
  void mseGradient() {
    GradientCheck.checkLoss(new MseLoss(), random(6, 4, 3), random(7, 4, 3));
  }

  @Test
  void mseRejectsMismatchedShapes() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new MseLoss().forward(random(8, 3, 2), random(9, 3)));
    assertTrue(error.getMessage().contains("[3, 2]"), error.getMessage());
  }

  @Test
  void softmaxRowsSumToOneAndLogSoftmaxAgrees() {
    Tensor x = random(10, 3, 5).multiply(10.0);
    double[] p = Softmax.softmax(x).toDoubleArray();
    double[] logP = Softmax.logSoftmax(x).toDoubleArray();
    for (int row = 0; row < 3; row++) {
      double sum = 0;
      for (int k = 0; k < 5; k++) {
        sum += p[row * 5 + k];
        assertEquals(Math.log(p[row * 5 + k]), logP[row * 5 + k], 1e-12);
      }
      assertEquals(1.0, sum, 1e-12);
    }
  }

  @Test
  void oneHotEncodesIndices() {
    Tensor encoded = OneHot.encode(tensor(new double[] {2, 0, 1}, 3), 4);
    NnTesting.assertTensor(
        Shape.of(3, 4), new double[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0}, encoded, 0, "one-hot");
  }
}
